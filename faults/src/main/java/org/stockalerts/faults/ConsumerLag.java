package org.stockalerts.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A consumer group's lag on a topic (the records past its committed offsets), and the dead letters. */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    long lag(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .forEach(
                        partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue().offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /**
     * The records past {@code group}'s committed offsets on every partition it has committed on, of
     * topics whose name starts with {@code prefix} and that are not dead-letter topics.
     */
    long lagOnTopicsStartingWith(String group, String prefix) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().stream()
                .filter(partition -> partition.topic().startsWith(prefix)
                        && !partition.topic().endsWith(".DLT"))
                .forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            lag += end.getValue().offset() - committed.get(end.getKey()).offset();
        }
        return lag;
    }

    /**
     * How long until {@code group}'s lag is at most {@code within} records (under load the lag is
     * never exactly 0: one second of ticks counts as caught up), or null if not within {@code atMost}.
     */
    Duration timeToCatchUp(String group, String topic, long within, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < atMost.toNanos()) {
            try {
                if (lag(group, topic) <= within) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (ExecutionException e) {
                // the group or the broker is not answering yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return null;
    }

    /** The records in every dead-letter topic ({@code *.DLT}) that holds any, by topic. */
    Map<String, Long> deadLetters() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        List<String> topics = admin.listTopics().names().get().stream()
                .filter(name -> name.endsWith(".DLT"))
                .toList();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((topic, description) -> description.partitions().forEach(partition -> {
                    TopicPartition key = new TopicPartition(topic, partition.partition());
                    earliest.put(key, OffsetSpec.earliest());
                    latest.put(key, OffsetSpec.latest());
                }));
        var starts = admin.listOffsets(earliest).all().get();
        Map<String, Long> records = new TreeMap<>();
        admin.listOffsets(latest)
                .all()
                .get()
                .forEach((partition, end) -> records.merge(
                        partition.topic(), end.offset() - starts.get(partition).offset(), Long::sum));
        records.values().removeIf(count -> count == 0);
        return records;
    }

    @Override
    public void close() {
        admin.close();
    }
}
