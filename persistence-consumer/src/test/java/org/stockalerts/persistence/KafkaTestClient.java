package org.stockalerts.persistence;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.testsupport.TestKafka;

/**
 * Sends raw records to the test broker and reads dead-letter topics, as an outside client would. A test
 * class that registers it as an extension ({@code @RegisterExtension}) has it closed after each test.
 */
public final class KafkaTestClient implements AutoCloseable, AfterEachCallback {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class));

    /** Sends {@code event} as JSON; the future tells where it was written. */
    public Future<RecordMetadata> send(TopicSpec<?> topic, String key, Object event) {
        return sendRaw(topic, key, EventJson.write(event));
    }

    /** Sends {@code value} as it is; the future tells where it was written. */
    public Future<RecordMetadata> sendRaw(TopicSpec<?> topic, String key, byte[] value) {
        return producer.send(new ProducerRecord<>(topic.name(), key, value));
    }

    /** Waits until everything sent so far is acknowledged. */
    public void flush() {
        producer.flush();
    }

    /** Waits for {@code count} records with {@code key} on the dead-letter topic of {@code topic}. */
    public List<ConsumerRecord<String, byte[]>> awaitDeadLetters(TopicSpec<?> topic, String key, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Predicate<ConsumerRecord<String, byte[]>> mine = record -> key.equals(record.key());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < topic.partitions(); p++) {
                partitions.add(new TopicPartition(topic.deadLetterTopic(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (mine.test(record)) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        producer.close();
    }
}
