package org.stockalerts.api.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockalerts.api.ApiServiceApplication;
import org.stockalerts.api.user.UserAccounts;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.RealInfrastructure;
import org.stockalerts.testsupport.TestKafka;

/**
 * Outbox latency: from the commit of a write (a registration) to the arrival of its event on
 * {@code user-events}, for writes paced at one every {@code pauseMillis}. Runs the whole service
 * on the test infrastructure (in-process broker, fresh database). Not a test: run it with
 * {@code benchmarks/run-outbox.sh [events] [pauseMillis]}.
 */
public final class OutboxLatencyBenchmark {

    private OutboxLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long pauseMillis = args.length > 1 ? Long.parseLong(args[1]) : 20;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ApiServiceApplication.class)
                .initializers(new RealInfrastructure())
                .properties("server.port=0", "management.server.port=0")
                .run()) {
            UserAccounts accounts = context.getBean(UserAccounts.class);
            Map<String, Long> committedAt = new ConcurrentHashMap<>();
            List<Long> latencies = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread reader = Thread.ofPlatform().start(() -> read(committedAt, latencies, running));
            TimeUnit.SECONDS.sleep(2);
            for (int i = 0; i < events; i++) {
                UUID userId = accounts.register("bench-" + i, null).id();
                committedAt.put(userId.toString(), System.nanoTime());
                TimeUnit.MILLISECONDS.sleep(pauseMillis);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (latencies.size() < events && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            running.set(false);
            reader.join();
            report(events, pauseMillis, latencies);
        }
        // The in-process test broker keeps non-daemon threads for the JVM's lifetime.
        System.exit(0);
    }

    private static void read(Map<String, Long> committedAt, List<Long> latencies, AtomicBoolean running) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-benchmark-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.USER_EVENTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (running.get()) {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                    long arrived = System.nanoTime();
                    Long committed = committedAt.remove(record.key());
                    if (committed != null) {
                        latencies.add(arrived - committed);
                    }
                });
            }
        }
    }

    private static void report(int events, long pauseMillis, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long within100 = sorted.stream()
                .filter(nanos -> nanos <= TimeUnit.MILLISECONDS.toNanos(100))
                .count();
        System.out.printf(
                "outbox latency, commit to arrival on %s: %d of %d events arrived, one write every %d ms%n",
                Topics.USER_EVENTS, sorted.size(), events, pauseMillis);
        if (sorted.isEmpty()) {
            return;
        }
        System.out.printf(
                "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; within 100 ms: %.1f %%%n",
                millis(sorted, 0.50),
                millis(sorted, 0.90),
                millis(sorted, 0.99),
                sorted.getLast() / 1e6,
                100.0 * within100 / sorted.size());
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
