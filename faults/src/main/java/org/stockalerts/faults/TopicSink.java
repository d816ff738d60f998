package org.stockalerts.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stockalerts.common.kafka.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * alerts-triggered as its consumers see it: read_committed, every partition from the beginning,
 * outside any group; each alertId counted as often as a committed record carries it. Each alert's
 * latency is taken once, at its first copy: from its tick's {@code observedAt} (the harness's clock when it
 * sent the tick, {@link TickLoad}) to the moment this consumer's poll returned it, both on this JVM's clock.
 */
final class TopicSink implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<UUID, Integer> alertIds = new ConcurrentHashMap<>();
    private final List<LatencyWindows.Sample> latencies = new ArrayList<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;

    TopicSink(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                readCommitted(bootstrapServers), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.ALERTS_TRIGGERED.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.ALERTS_TRIGGERED.name(), p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = Thread.ofPlatform().daemon().name("alerts-triggered-sink").start(this::read);
    }

    /** A consumer outside any group that sees only committed records and starts from the beginning. */
    static Map<String, Object> readCommitted(String bootstrapServers) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
    }

    Map<UUID, Integer> alertIds() {
        return Map.copyOf(alertIds);
    }

    /** Every alert's tick time and latency so far, in arrival order. */
    List<LatencyWindows.Sample> latencies() {
        synchronized (latencies) {
            return List.copyOf(latencies);
        }
    }

    boolean contains(UUID alertId) {
        return alertIds.containsKey(alertId);
    }

    private void read() {
        try {
            while (open.get()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                Instant arrived = Instant.now();
                for (ConsumerRecord<String, String> record : records) {
                    if (record.value() != null) {
                        count(JSON.readTree(record.value()), arrived);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void count(JsonNode alert, Instant arrived) {
        UUID alertId = UUID.fromString(alert.get("alertId").asString());
        if (alertIds.merge(alertId, 1, Integer::sum) == 1) {
            Instant tick = Instant.parse(alert.get("observedAt").asString());
            synchronized (latencies) {
                latencies.add(new LatencyWindows.Sample(
                        tick, Duration.between(tick, arrived).toMillis()));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        open.set(false);
        consumer.wakeup();
        reader.join(10_000);
    }
}
