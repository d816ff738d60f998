package org.stockalerts.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A producer and reader of raw bytes on the test broker, for what the services' typed clients
 * cannot write: any bytes, a null value (a tombstone), any headers, and values larger than the
 * broker takes (its own request limit is above the broker's, so the broker, not this client,
 * refuses them). Reads are {@code read_committed}, as the services read. A test class that
 * registers it as a static extension ({@code @RegisterExtension}) has it closed after all its tests.
 */
public final class RawKafkaClient implements AutoCloseable, AfterAllCallback {

    /** Larger than any value a test sends, so oversized values reach the broker. */
    private static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrap;
    private final KafkaProducer<byte[], byte[]> producer;

    public RawKafkaClient(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        MAX_REQUEST_BYTES,
                        ProducerConfig.BUFFER_MEMORY_CONFIG,
                        4L * MAX_REQUEST_BYTES),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** A client of the test broker ({@link TestKafka}). */
    public static RawKafkaClient onTestBroker() {
        return new RawKafkaClient(TestKafka.bootstrapServers());
    }

    /**
     * Sends {@code value} (null for a tombstone) keyed by {@code key} (UTF-8, may be null) to
     * {@code partition} (null: the default partitioner's choice) and waits for the broker's answer.
     *
     * @throws ExecutionException when the broker refuses the record; its cause says why
     */
    public RecordMetadata send(String topic, Integer partition, String key, byte[] value, Header... headers)
            throws ExecutionException, InterruptedException, TimeoutException {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return producer.send(new ProducerRecord<>(topic, partition, keyBytes, value, List.of(headers)))
                .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A {@code read_committed} reader of {@code topic} from its beginning, in a group of its own; the caller closes it. */
    public KafkaConsumer<byte[], byte[]> reader(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = reader();
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "raw-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        MAX_REQUEST_BYTES),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        producer.close();
    }
}
