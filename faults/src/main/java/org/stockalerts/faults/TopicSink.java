package org.stockalerts.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stockalerts.common.kafka.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * alerts-triggered as its consumers see it: read_committed, every partition from the beginning,
 * outside any group; each alertId counted as often as a committed record carries it.
 */
final class TopicSink implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<UUID, Integer> alertIds = new ConcurrentHashMap<>();
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

    boolean contains(UUID alertId) {
        return alertIds.containsKey(alertId);
    }

    private void read() {
        try {
            while (open.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        UUID alertId = UUID.fromString(
                                JSON.readTree(record.value()).get("alertId").asString());
                        alertIds.merge(alertId, 1, Integer::sum);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        open.set(false);
        consumer.wakeup();
        reader.join(10_000);
    }
}
