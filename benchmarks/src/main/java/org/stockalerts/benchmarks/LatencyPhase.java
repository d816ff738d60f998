package org.stockalerts.benchmarks;

import static org.stockalerts.benchmarks.AlertEngineBenchmark.print;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.Topics;

/**
 * Phase 5: ticks at a fixed rate from this thread, which sleeps between them; alerts read by a
 * second thread that blocks in poll, so neither spins on a core the engine needs. The alerts topic
 * stamps records with the broker's append time, which splits each latency in two: tick produced
 * to alert appended (the producer's linger, the engine's fetch, evaluation and the start of its
 * commit) and alert appended to readable (the rest of the commit and the reader's fetch). The
 * engine's commits in the phase are counted, with the average time of each part of a commit.
 */
record LatencyPhase(BenchKafka kafka, BenchmarkWorkload workload, TickKeys tickKeys) {

    /** How long the reader goes on after the last tick, for the alerts still on their way. */
    private static final long DRAIN_MILLIS = 5_000;

    void run(KafkaStreams engine, int rate, int seconds) throws Exception {
        CommitMetrics before = CommitMetrics.of(engine);
        latency(rate, seconds);
        CommitMetrics after = CommitMetrics.of(engine);
        double commits = after.since(before, "commit-total");
        print(
                "commits of the engine during the latency phase: %,.0f (%.0f/s); per commit: producer flush %.1f ms,"
                        + " send offsets %.1f ms, commit transaction %.1f ms; produce retries %,.0f%n",
                commits,
                commits / seconds,
                after.perCommitMs(before, "flush-time-ns-total", commits),
                after.perCommitMs(before, "txn-send-offsets-time-ns-total", commits),
                after.perCommitMs(before, "txn-commit-time-ns-total", commits),
                after.since(before, "record-retry-total"));
    }

    private void latency(int rate, int seconds) throws Exception {
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> read(latencies, reading, ready), "latency-reader");
        reader.start();
        ready.await();
        produceAtRate(rate, seconds);
        Thread.sleep(DRAIN_MILLIS);
        reading.set(false);
        reader.join();
        long[][] parts = sortedParts(latencies);
        print(
                "latency tick produced -> alert read (read_committed) at %,d ticks/s: %,d alerts, %s; of which"
                        + " produced -> alert appended %s, appended -> read %s%n",
                rate, parts[0].length, distribution(parts[0]), distribution(parts[1]), distribution(parts[2]));
    }

    private void read(List<long[]> latencies, AtomicBoolean reading, CountDownLatch ready) {
        try (KafkaConsumer<String, byte[]> alerts = kafka.alertConsumer()) {
            alerts.poll(Duration.ofMillis(500));
            alerts.seekToEnd(alerts.assignment());
            alerts.poll(Duration.ofMillis(100));
            ready.countDown();
            while (reading.get()) {
                drain(alerts, latencies, Duration.ofMillis(100));
            }
        }
    }

    private void produceAtRate(int rate, int seconds) {
        try (KafkaProducer<String, byte[]> producer = kafka.producer(tickKeys.producerSettings())) {
            long total = (long) rate * seconds;
            long start = System.nanoTime();
            for (long sent = 0; sent < total; sent++) {
                long wait = start + sent * 1_000_000_000L / rate - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                PriceTick tick = workload.nextTick(TickSource.SIMULATED, Instant.now());
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), tickKeys.key(tick.symbol().value()), EventJson.write(tick)));
            }
        }
    }

    /** Per alert of a simulated tick: total, produced to appended, appended to read, in ms. */
    private static void drain(KafkaConsumer<String, byte[]> alerts, List<long[]> latencies, Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : alerts.poll(timeout)) {
            AlertTriggered alert = EventJson.read(record.value(), AlertTriggered.class, record.topic());
            if (alert.tick() != null && alert.tick().source() == TickSource.SIMULATED) {
                long produced = alert.tick().occurredAt().toEpochMilli();
                long read = System.currentTimeMillis();
                latencies.add(new long[] {read - produced, record.timestamp() - produced, read - record.timestamp()});
            }
        }
    }

    /** The three parts of the latencies, each sorted. */
    private static long[][] sortedParts(List<long[]> latencies) {
        long[][] parts = new long[3][];
        synchronized (latencies) {
            for (int part = 0; part < parts.length; part++) {
                int index = part;
                parts[part] = latencies.stream()
                        .mapToLong(latency -> latency[index])
                        .sorted()
                        .toArray();
            }
        }
        return parts;
    }

    private static String distribution(long[] sorted) {
        return "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms"
                .formatted(
                        percentile(sorted, 50),
                        percentile(sorted, 90),
                        percentile(sorted, 99),
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }
}
