package org.stockalerts.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;

/** The engine benchmark's clients of the broker: topics, producers, consumers and offsets. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class BenchKafka {

    private final String bootstrap;

    String bootstrap() {
        return bootstrap;
    }

    void createTopics() throws Exception {
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            for (TopicSpec<?> topic : Topics.ALL) {
                Map<String, String> configs = new HashMap<>(topic.configs());
                if (topic == Topics.ALERTS_TRIGGERED) {
                    // the latency phase reads when each alert was appended (see LatencyPhase)
                    configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
                }
                topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(configs));
                topics.add(new NewTopic(topic.deadLetterTopic(), topic.partitions(), (short) 1));
            }
            admin.createTopics(topics).all().get();
            // producing before every partition has its leader can leave an idempotent producer retrying forever
            List<String> names = topics.stream().map(NewTopic::name).toList();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(partition ->
                            partition.leader() != null && !partition.leader().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topics have no leaders after a minute");
                }
                Thread.sleep(50);
            }
        }
    }

    /** Ticks and rules are sent with {@code linger.ms} 5, as the services send them (Kafka's default). */
    KafkaProducer<String, byte[]> producer() {
        return producer(Map.of());
    }

    KafkaProducer<String, byte[]> producer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A read_committed consumer of {@code alerts-triggered} in a group of its own. */
    KafkaConsumer<String, byte[]> alertConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                consumerConfig("alerts-" + UUID.randomUUID()), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ALERTS_TRIGGERED.name()));
        return consumer;
    }

    /** A read_committed consumer's settings, from the earliest offset, committing nothing by itself. */
    Map<String, Object> consumerConfig(String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** The records written to {@code topic} so far, over all its partitions. */
    long written(String topic) throws Exception {
        try (Admin admin = admin()) {
            return endOffsets(admin, topic).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** The offsets {@code group} has committed on {@code topic}, summed over its partitions. */
    long committed(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset())
                    .sum();
        }
    }

    /** Waits until {@code group} has committed every record of {@code topic}. */
    void awaitCaughtUp(String group, String topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> ends = endOffsets(admin, topic);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                boolean done = ends.entrySet().stream()
                        .allMatch(end -> end.getValue() == 0
                                || committed.get(end.getKey()) != null
                                        && committed.get(end.getKey()).offset() >= end.getValue());
                if (done) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("engine did not catch up on " + topic + " within " + timeout);
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < Topics.STOCK_PRICES.partitions(); partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap));
    }
}
