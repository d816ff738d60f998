package org.stockalerts.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a dead-letter topic of the test broker from its beginning, as operators would. */
public final class DeadLetterRecords {

    /** How long {@link #await} waits for the dead letters, generous for a loaded machine. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private DeadLetterRecords() {}

    /** The UTF-8 text of the last header {@code name} (the reason, the consumer) of a dead letter. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null) {
            throw new AssertionError("no header " + name + " on the dead letter");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The committed records keyed {@code key} on every partition of {@code deadLetterTopic}, in
     * partition order, once at least {@code count} are there.
     *
     * @throws AssertionError when fewer than {@code count} arrive within {@link #WAIT}
     */
    public static List<ConsumerRecord<String, byte[]>> await(
            String deadLetterTopic, int partitions, String key, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(deadLetterTopic, p));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (found.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected " + count + " dead letters keyed " + key + " on "
                            + deadLetterTopic + " within " + WAIT + ", found " + found.size());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
