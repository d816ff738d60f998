package org.stockalerts.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks for secrets where a run of the system leaves text behind: the services' log files, and every
 * record of every topic on the broker (internal ones too), read from the beginning and uncommitted
 * (aborted transactions included), key, value and every header's name and value. Bytes are compared
 * as ISO-8859-1, one character a byte, so a secret inside binary data (a changelog, the offsets topic)
 * is found as well as in JSON.
 */
final class SecretScan {

    private static final Duration READ_WITHIN = Duration.ofMinutes(1);

    /** What a scan of the broker read and found. */
    record TopicsScanned(
            List<String> findings, Map<String, Integer> recordsByTopic, Map<String, Integer> headersByTopic) {}

    private SecretScan() {}

    /** Each {@code file contains needle} in the files under {@code directory}. */
    static List<String> inLogs(Path directory, Collection<String> needles) throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                findIn(text, file.getFileName().toString(), needles, findings);
            }
        }
        return findings;
    }

    /** Reads every record of every topic on {@code bootstrapServers} and looks for {@code needles} in it. */
    static TopicsScanned inTopics(String bootstrapServers, Collection<String> needles)
            throws ExecutionException, InterruptedException {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names()
                    .get();
        }
        List<String> findings = new ArrayList<>();
        Map<String, Integer> recordsByTopic = new TreeMap<>();
        Map<String, Integer> headersByTopic = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                recordsByTopic.put(topic, 0);
                headersByTopic.put(topic, 0);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_WITHIN.toNanos();
            while (!ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read every topic to its end within " + READ_WITHIN);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
                    recordsByTopic.merge(record.topic(), 1, Integer::sum);
                    findIn(text(record.key()), where + " key", needles, findings);
                    findIn(text(record.value()), where + " value", needles, findings);
                    for (Header header : record.headers()) {
                        headersByTopic.merge(record.topic(), 1, Integer::sum);
                        findIn(header.key() + "=" + text(header.value()), where + " header", needles, findings);
                    }
                }
            }
        }
        return new TopicsScanned(findings, recordsByTopic, headersByTopic);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_uncommitted",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static void findIn(String text, String where, Collection<String> needles, List<String> findings) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                findings.add(where + " contains " + needle);
            }
        }
    }
}
