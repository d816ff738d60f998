package org.stockalerts.benchmarks;

import static org.stockalerts.benchmarks.AlertEngineBenchmark.print;
import static org.stockalerts.benchmarks.AlertEngineBenchmark.seconds;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.Topics;

/**
 * Phase 1: the rules produced to {@code alert-rules} and loaded by the engine (router, repartition
 * topic, store and index), and the heap the engine holds them in: used after GC with the engine
 * running, minus after closing it. The engine is closed at the end, leaving its group.
 */
record RuleLoadPhase(BenchKafka kafka, BenchEngine engine) {

    private static final Instant EVENT_TIME = Instant.parse("2026-03-02T14:30:00Z");
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(20);

    void run(List<AlertRule> rules) throws Exception {
        long heapBefore = usedHeapAfterGc();
        long loadStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            for (AlertRule rule : rules) {
                AlertRuleChanged change = new AlertRuleChanged(UUID.randomUUID(), EVENT_TIME, 1, rule);
                producer.send(new ProducerRecord<>(
                        Topics.ALERT_RULES.name(), rule.ruleId().toString(), EventJson.write(change)));
            }
        }
        KafkaStreams streams = engine.start();
        engine.awaitCaughtUp(Topics.ALERT_RULES.name(), LOAD_TIMEOUT);
        engine.awaitCaughtUp(BenchEngine.RULES_BY_SYMBOL, LOAD_TIMEOUT);
        print("rules produced and loaded by the engine in %.1f s%n", seconds(loadStart));
        long heapLoaded = usedHeapAfterGc();
        streams.close(BenchEngine.leavingGroup());
        streams = null; // the closed engine's last reference, so the next GC may take it
        long heapClosed = usedHeapAfterGc();
        print(
                "heap used after GC: before %d MiB, engine running with the rules %d MiB, after closing it %d MiB"
                        + " -> engine with its rules ~%d MiB, ~%d bytes per rule%n",
                mib(heapBefore),
                mib(heapLoaded),
                mib(heapClosed),
                mib(heapLoaded - heapClosed),
                (heapLoaded - heapClosed) / Math.max(1, rules.size()));
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
