package org.stockalerts.benchmarks;

import static org.stockalerts.benchmarks.AlertEngineBenchmark.print;
import static org.stockalerts.benchmarks.AlertEngineBenchmark.seconds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.stockalerts.alerting.engine.AlertEngineTopology;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.TicksBySymbol;
import org.stockalerts.common.kafka.Topics;

/**
 * Phase 2: the ticks produced while the engine is down, then the engine restarted on its state
 * directory. Start-up is {@code start()} to the first alert a read_committed consumer sees; the
 * sustained rate is the ticks not yet evaluated at that alert over the time from it until the
 * committed offsets cover every tick. The engine is left running for the phases after it.
 */
record ThroughputPhase(BenchKafka kafka, BenchEngine engine, BenchmarkWorkload workload, TickKeys tickKeys) {

    private static final Duration FIRST_ALERT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

    /** The restarted engine, still running, and its sustained rate in ticks per second. */
    record Result(KafkaStreams streams, double sustainedRate) {}

    Result run(int ticks) throws Exception {
        produceTicks(ticks);
        long alertsBefore = kafka.written(Topics.ALERTS_TRIGGERED.name());
        long startupStart = System.nanoTime();
        KafkaStreams streams = engine.start();
        long firstAlert;
        try (KafkaConsumer<String, byte[]> alerts = kafka.alertConsumer()) {
            firstAlert = awaitFirstAlert(alerts);
            print(
                    "start-up with %,d rules (restart on its state directory) to first alert: %.1f s%n",
                    workload.rules().size(), (firstAlert - startupStart) / 1e9);
        }
        // ticks not yet evaluated at the first alert: not yet read from stock-prices, or re-routed and not yet read
        // from the repartition topic (whose end offsets also count a few transaction markers)
        long pendingAtFirstAlert = ticks - engine.committed(Topics.STOCK_PRICES.name()) + engine.rerouteBacklog();
        engine.awaitCaughtUp(Topics.STOCK_PRICES.name(), CATCH_UP_TIMEOUT);
        engine.awaitCaughtUp(BenchEngine.REROUTED_TICKS, CATCH_UP_TIMEOUT);
        double elapsed = seconds(startupStart);
        double sustainedRate = pendingAtFirstAlert / seconds(firstAlert);
        long fired = kafka.written(Topics.ALERTS_TRIGGERED.name()) - alertsBefore;
        print(
                "engine: %,d ticks in %.1f s from start (%,.0f ticks/s incl. start-up); sustained after start-up: %,d ticks"
                        + " in %.1f s = %,.0f ticks/s; %,d alerts (%.2f per 100 ticks)%n",
                ticks,
                elapsed,
                ticks / elapsed,
                pendingAtFirstAlert,
                seconds(firstAlert),
                sustainedRate,
                fired,
                100.0 * fired / ticks);
        printRouting();
        return new Result(streams, sustainedRate);
    }

    /** The ticks serialized first, so that producing them costs only the sends. */
    private void produceTicks(int ticks) {
        List<byte[]> tickPayloads = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            PriceTick tick = workload.nextTick(TickSource.REPLAY, Instant.now());
            symbols.add(tick.symbol().value());
            tickPayloads.add(EventJson.write(tick));
        }
        try (KafkaProducer<String, byte[]> producer = kafka.producer(tickKeys.producerSettings())) {
            for (int i = 0; i < ticks; i++) {
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), tickKeys.key(symbols.get(i)), tickPayloads.get(i)));
            }
        }
    }

    private static long awaitFirstAlert(KafkaConsumer<String, byte[]> alerts) {
        alerts.poll(Duration.ofMillis(100));
        alerts.seekToEnd(alerts.assignment());
        long deadline = System.nanoTime() + FIRST_ALERT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alerts.poll(Duration.ofMillis(50)).isEmpty()) {
                return System.nanoTime();
            }
        }
        throw new IllegalStateException("no alert within " + FIRST_ALERT_TIMEOUT);
    }

    private void printRouting() {
        print(
                "ticks re-routed to their symbol's partition: %,.0f, re-keyed on it: %,.0f; not evaluated (not newer"
                        + " than their symbol's last): %,.0f%n",
                engine.meters().get(TicksBySymbol.REROUTED_METRIC).counter().count(),
                engine.meters().get(TicksBySymbol.REKEYED_METRIC).counter().count(),
                engine.meters().get(AlertEngineTopology.IGNORED_TICKS_METRIC).counters().stream()
                        .mapToDouble(counter -> counter.count())
                        .sum());
    }
}
