package org.stockalerts.common.kafka.redrive;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;

/**
 * Republishes the dead letters of one of the system's dead-letter topics to the topic they came
 * from, after the cause has been fixed.
 *
 * <p>Each dead-letter topic has its own consumer group ({@value #GROUP_PREFIX}{@code <dlt>}) and
 * transactional id (the same name). Every poll is one transaction holding the republished records
 * and the group's new offsets ({@code sendOffsetsToTransaction}), so a crash half-way neither loses
 * a dead letter nor republishes one twice, a second run starts where the first committed, and a
 * second run started while the first still runs fences it. Records are read
 * {@code read_committed}, so dead letters of an aborted Streams transaction are never republished.
 *
 * <p>A republished record keeps its key, value and own headers, goes to the partition it failed on
 * ({@link DeadLetterRecords#partition}), loses the failure's headers and gains
 * {@value DeadLetterRecords#REDRIVEN_FROM_HEADER}{@code : <dlt>-<partition>@<offset>}. The
 * consumers downstream drop what they have already seen (by eventId / alertId), so a dead letter
 * that had partly succeeded before failing does no harm either.
 */
public final class DeadLetterRedrive {

    /** Prefix of each dead-letter topic's redrive consumer group and transactional id. */
    public static final String GROUP_PREFIX = "stockalerts-redrive-";

    /** Header naming where a republished record came from. */
    public static final String REDRIVEN_FROM_HEADER = DeadLetterRecords.REDRIVEN_FROM_HEADER;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    private static final Duration POLL = Duration.ofMillis(500);

    /** How long a redrive waits for records it knows are there before it gives up. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    private final Map<String, Object> connection;

    /**
     * @param connection how to reach the broker: {@code bootstrap.servers} and any
     *     {@code security.protocol}, {@code sasl.*} and {@code ssl.*} settings; other entries (e.g.
     *     an admin client's) are ignored
     */
    public DeadLetterRedrive(Map<String, ?> connection) {
        this.connection = new HashMap<>();
        connection.forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || key.equals(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)
                    || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                this.connection.put(key, value);
            }
        });
    }

    /**
     * The topic the dead letters of {@code deadLetterTopic} are republished to.
     *
     * @throws NotADeadLetterTopicException unless it is one of {@link Topics#deadLetterTopics()}
     */
    public static String sourceOf(String deadLetterTopic) {
        if (deadLetterTopic == null || !Topics.deadLetterTopics().contains(deadLetterTopic)) {
            throw new NotADeadLetterTopicException(deadLetterTopic);
        }
        return deadLetterTopic.substring(0, deadLetterTopic.length() - TopicSpec.DEAD_LETTER_SUFFIX.length());
    }

    /**
     * Republishes (or, in a dry run, counts) every dead letter the topic's redrive group has not
     * passed yet, up to the end of the topic as it is when the redrive starts.
     *
     * @throws NotADeadLetterTopicException for a topic that is not one of the system's dead-letter topics
     * @throws RedriveSupersededException when another redrive of the same topic fenced this one
     */
    public RedriveSummary redrive(RedriveRequest request) {
        String dlt = request.deadLetterTopic();
        String target = sourceOf(dlt);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(dlt))) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                    .map(info -> new TopicPartition(dlt, info.partition()))
                    .toList();
            consumer.assign(partitions);
            if (request.dryRun()) {
                return drain(consumer, request, target, null);
            }
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(dlt))) {
                // before reading the group's offsets: aborts what an earlier, crashed run left open
                producer.initTransactions();
                return drain(consumer, request, target, producer);
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                throw new RedriveSupersededException(dlt, e);
            }
        }
    }

    private RedriveSummary drain(
            KafkaConsumer<byte[], byte[]> consumer,
            RedriveRequest request,
            String target,
            KafkaProducer<byte[], byte[]> producer) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        int targetPartitions = consumer.partitionsFor(target).size();
        if (producer != null && targetPartitions == 0) {
            throw new IllegalStateException("the source topic " + target + " does not exist (yet): start the"
                    + " service that creates it before redriving " + request.deadLetterTopic());
        }
        Tally tally = new Tally();
        Instant stalledSince = Instant.now();
        while (!caughtUp(consumer, end)) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (records.isEmpty()) {
                if (Duration.between(stalledSince, Instant.now()).compareTo(STALL_LIMIT) > 0) {
                    throw new TimeoutException("redrive of " + request.deadLetterTopic() + " read nothing for "
                            + STALL_LIMIT + " before reaching the end of the topic");
                }
                continue;
            }
            stalledSince = Instant.now();
            if (producer == null) {
                records.forEach(record -> tally.count(record, request.since()));
            } else {
                republish(records, request, target, targetPartitions, consumer, producer, tally);
            }
        }
        RedriveSummary summary = tally.summary(request, target);
        log.atInfo()
                .addKeyValue("topic", request.deadLetterTopic())
                .addKeyValue("target", target)
                .addKeyValue("dryRun", request.dryRun())
                .addKeyValue("republished", summary.republished())
                .addKeyValue("olderThanSince", summary.olderThanSince())
                .log("redrive finished");
        return summary;
    }

    private static void republish(
            ConsumerRecords<byte[], byte[]> records,
            RedriveRequest request,
            String target,
            int targetPartitions,
            KafkaConsumer<byte[], byte[]> consumer,
            KafkaProducer<byte[], byte[]> producer,
            Tally tally) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        producer.beginTransaction();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (tally.count(record, request.since())) {
                producer.send(new ProducerRecord<>(
                        target,
                        DeadLetterRecords.partition(record, target, targetPartitions),
                        record.key(),
                        record.value(),
                        DeadLetterRecords.republishedHeaders(record)));
            }
            next.put(
                    new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
        producer.commitTransaction();
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    private Map<String, Object> consumerConfig(String dlt) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + dlt);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP_PREFIX + dlt);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private Map<String, Object> producerConfig(String dlt) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, GROUP_PREFIX + dlt);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, GROUP_PREFIX + dlt + "-producer");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /** The counts of one redrive. */
    private static final class Tally {
        private final Map<String, Long> reasons = new TreeMap<>();
        private long republished;
        private long older;

        /** Counts {@code record}; whether it is to be republished (not older than {@code since}). */
        boolean count(ConsumerRecord<byte[], byte[]> record, Instant since) {
            if (since != null && record.timestamp() < since.toEpochMilli()) {
                older++;
                return false;
            }
            republished++;
            reasons.merge(DeadLetterRecords.reason(record), 1L, Long::sum);
            return true;
        }

        RedriveSummary summary(RedriveRequest request, String target) {
            return new RedriveSummary(request.deadLetterTopic(), target, request.dryRun(), republished, older, reasons);
        }
    }
}
