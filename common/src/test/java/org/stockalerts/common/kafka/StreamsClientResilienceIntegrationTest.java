package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.stockalerts.testsupport.TestKafka;

/**
 * The shared Streams client configuration on the real broker, applied to a Streams factory bean as
 * the services' is: a processor that throws on a poisoned record fails its stream thread (the
 * record is not skipped), the thread is replaced and the record processed again, exactly once;
 * with the replacement budget spent the client ends in ERROR and its health check says DOWN; and a
 * closing client leaves its group instead of holding its partitions until its session times out.
 */
class StreamsClientResilienceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String POISON = "poison";

    @TempDir
    Path stateDir;

    private final String id = "resilience-" + UUID.randomUUID();
    private final String input = id + "-in";
    private final String output = id + "-out";
    private final AtomicInteger poisonedAttemptsLeft = new AtomicInteger();
    private StreamsBuilderFactoryBean streams;
    private BoundedThreadReplacement replacement;
    private KafkaStreamsHealthIndicator health;

    @AfterEach
    void stopStreams() {
        if (streams != null && streams.isRunning()) {
            streams.stop();
        }
    }

    @Test
    void aThreadKilledByAPoisonedRecordIsReplacedAndProcessingContinues() throws Exception {
        // Given a client allowed five replacements, whose processor throws on the first attempt at one record
        poisonedAttemptsLeft.set(1);
        start(5, Duration.ofSeconds(6));

        // When a record, the poisoned one and another record arrive
        send("before", POISON, "after");

        // Then all three come out once each, in order, after one thread was replaced, and the client is healthy
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = committedReader()) {
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> seen.add(record.value()));
                return seen.size() >= 3;
            });
        }
        assertThat(seen).containsExactly("before", POISON, "after");
        assertThat(replacement.replacedThreads()).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> health.health().getStatus().equals(Status.UP));
        assertThat(health.health().getDetails()).containsEntry("replacedThreads", 1);
    }

    @Test
    void aClientWithoutReplacementsLeftEndsInErrorAndReportsDown() throws Exception {
        // Given a running client with no replacement budget, whose processor always throws on one record
        poisonedAttemptsLeft.set(Integer.MAX_VALUE);
        start(0, Duration.ofSeconds(6));
        await().atMost(PATIENCE).until(() -> health.health().getStatus().equals(Status.UP));

        // When the poisoned record arrives
        send(POISON);

        // Then the client ends in ERROR, and its health is DOWN and says so
        await().atMost(PATIENCE)
                .until(() -> "ERROR".equals(health.health().getDetails().get("state")));
        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("replacedThreads", 0);
    }

    @Test
    void aClosingClientLeavesItsGroupWithoutWaitingOutItsSession() throws Exception {
        // Given a running client whose group membership would otherwise outlive it by five minutes
        start(5, Duration.ofMinutes(5));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            await().atMost(PATIENCE).until(() -> members(admin) == 1);

            // When it is stopped as the application context stops it
            streams.stop();

            // Then its group is empty long before the session would have expired, and its health is DOWN
            await().atMost(Duration.ofSeconds(60)).until(() -> members(admin) == 0);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    private void start(int maxReplacements, Duration sessionTimeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(input, 1, (short) 1), new NewTopic(output, 1, (short) 1)))
                    .all()
                    .get();
        }
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int)
                sessionTimeout.toMillis());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        streams = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(config));
        StreamsClientSettings settings = new StreamsClientSettings(
                maxReplacements, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(10));
        replacement = new BoundedThreadReplacement(Clock.systemUTC(), settings);
        health = new KafkaStreamsHealthIndicator(replacement);
        new StockAlertsStreamsConfiguration()
                .stockAlertsStreamsDefaults(
                        new KafkaSettings((short) 1, false, 0, Duration.ZERO, Duration.ofSeconds(10)),
                        settings,
                        replacement,
                        health)
                .configure(streams);
        streams.afterPropertiesSet();
        StreamsBuilder builder = streams.getObject();
        builder.<String, String>stream(input).process(PoisonSensitive::new).to(output);
        streams.afterSingletonsInstantiated();
        streams.start();
    }

    private void send(String... values) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()),
                new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(input, "key", value)).get();
            }
        }
    }

    private KafkaConsumer<String, String> committedReader() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        id + "-reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(output));
        return consumer;
    }

    private int members(Admin admin) throws ExecutionException, InterruptedException {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(id))
                .describedGroups()
                .get(id)
                .get();
        return group.members().size();
    }

    private static String bootstrap() {
        return TestKafka.bootstrapServers();
    }

    /** Forwards every record, but throws while the poisoned one has attempts left to fail. */
    private final class PoisonSensitive implements Processor<String, String, String, String> {

        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            if (POISON.equals(record.value()) && poisonedAttemptsLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("poisoned record");
            }
            context.forward(record);
        }
    }
}
