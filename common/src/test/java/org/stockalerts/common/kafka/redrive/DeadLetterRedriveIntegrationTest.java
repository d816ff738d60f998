package org.stockalerts.common.kafka.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.common.kafka.MalformedEventException;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.TestKafka;

/**
 * Redrive against the real broker: dead letters written by the system's own recoverer go back to
 * their source topic once, with their own headers, and a second run finds nothing; {@code since}
 * and dry runs; topics that are not the system's dead-letter topics are refused. Each test uses a
 * dead-letter topic of its own, since the redrive group of a topic is shared by design.
 */
class DeadLetterRedriveIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Map<String, Object> connection;

    @BeforeAll
    static void createTopics() throws Exception {
        connection = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        List<NewTopic> topics = new ArrayList<>();
        for (String dlt : Topics.deadLetterTopics()) {
            topics.add(new NewTopic(dlt, Topics.PARTITIONS, (short) 1));
            topics.add(new NewTopic(DeadLetterRedrive.sourceOf(dlt), Topics.PARTITIONS, (short) 1));
        }
        try (AdminClient admin = AdminClient.create(connection)) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @Test
    void republishesEachDeadLetterOnceToItsSourceWithItsOwnHeaders() {
        // Given three deliveries the system's recoverer dead-lettered from partitions 1, 4 and 4
        String source = Topics.Names.DELIVERY_REQUESTS;
        String dlt = source + ".DLT";
        List<ConsumerRecord<byte[], byte[]>> failed = List.of(
                failedRecord(source, 1, 10, "user-1", "{\"n\":1}"),
                failedRecord(source, 4, 11, "user-2", "{\"n\":2}"),
                failedRecord(source, 4, 12, null, "{\"n\":3}"));
        deadLetter(failed, new IllegalStateException("receiver down"));

        // When a redrive runs
        RedriveSummary first = redrive(new RedriveRequest(dlt, null, false));

        // Then all three are back on their source partition, key and value as they were, their own
        // header kept, the failure's headers gone and where they came from named
        assertThat(first.republished()).isEqualTo(3);
        assertThat(first.reasons())
                .containsOnlyKeys("redrive-test: failed record: IllegalStateException: receiver down");
        List<ConsumerRecord<byte[], byte[]>> back = readAll(source, 3);
        for (ConsumerRecord<byte[], byte[]> original : failed) {
            ConsumerRecord<byte[], byte[]> redriven = back.stream()
                    .filter(r -> text(r.value()).equals(text(original.value())))
                    .findFirst()
                    .orElseThrow();
            assertThat(redriven.partition()).isEqualTo(original.partition());
            assertThat(redriven.key()).isEqualTo(original.key());
            assertThat(headerKeys(redriven))
                    .containsExactlyInAnyOrder("traceparent", DeadLetterRedrive.REDRIVEN_FROM_HEADER);
            assertThat(text(redriven.headers()
                            .lastHeader(DeadLetterRedrive.REDRIVEN_FROM_HEADER)
                            .value()))
                    .matches(dlt + "-" + original.partition() + "@\\d+");
        }

        // And a second run republishes nothing
        RedriveSummary second = redrive(new RedriveRequest(dlt, null, false));
        assertThat(second.republished()).isZero();
        assertThat(readAll(source, 3)).hasSize(3);
    }

    @Test
    void sinceRepublishesOnlyDeadLettersWrittenFromThenAndPassesTheOlderOnesForGood() {
        // Given two dead letters written a day ago and one written now
        String dlt = Topics.STOCK_ANALYTICS.deadLetterTopic();
        Instant now = Instant.now();
        writeDeadLetter(dlt, now.minus(Duration.ofDays(1)), "old-1");
        writeDeadLetter(dlt, now.minus(Duration.ofDays(1)), "old-2");
        writeDeadLetter(dlt, now, "new-1");

        // When a redrive of the last hour runs
        RedriveSummary recent = redrive(new RedriveRequest(dlt, now.minus(Duration.ofHours(1)), false));

        // Then only the new one is republished, and the old ones are not republished by a later run either
        assertThat(recent.republished()).isEqualTo(1);
        assertThat(recent.olderThanSince()).isEqualTo(2);
        assertThat(readAll(Topics.STOCK_ANALYTICS.name(), 1))
                .extracting(r -> text(r.value()))
                .containsExactly("new-1");
        assertThat(redrive(new RedriveRequest(dlt, null, false)).republished()).isZero();
    }

    @Test
    void dryRunCountsByReasonAndChangesNothing() {
        // Given two malformed events dead-lettered by one consumer
        String source = Topics.Names.USER_EVENTS;
        String dlt = Topics.USER_EVENTS.deadLetterTopic();
        deadLetter(
                List.of(failedRecord(source, 0, 5, "u", "bad-1"), failedRecord(source, 2, 6, "v", "bad-2")),
                new MalformedEventException(source, "missing required field 'userId'", null));

        // When a dry run counts them, twice
        RedriveSummary dry = redrive(new RedriveRequest(dlt, null, true));
        RedriveSummary again = redrive(new RedriveRequest(dlt, null, true));

        // Then both report the same two by reason, and the source topic got nothing
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.reasons())
                .containsExactly(Map.entry("redrive-test: malformed record: missing required field 'userId'", 2L));
        assertThat(again).isEqualTo(dry);
        assertThat(readAll(source, 0)).isEmpty();

        // And a real run afterwards still republishes both
        assertThat(redrive(new RedriveRequest(dlt, null, false)).republished()).isEqualTo(2);
        assertThat(readAll(source, 2)).hasSize(2);
    }

    @Test
    void theCommandRedrivesWithTheServicesBrokerVariablesAndPrintsTheSummary() {
        // Given a dead-lettered rule change
        String source = Topics.Names.ALERT_RULES;
        String dlt = Topics.ALERT_RULES.deadLetterTopic();
        deadLetter(List.of(failedRecord(source, 3, 7, "rule-1", "rule")), new IllegalArgumentException("bad rule"));
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());

        // When the command runs as the launcher runs it, first as a dry run
        ByteArrayOutputStream dry = new ByteArrayOutputStream();
        ByteArrayOutputStream real = new ByteArrayOutputStream();
        int dryStatus = command(env, dry, "redrive", dlt, "--dry-run");
        int realStatus = command(env, real, "redrive", dlt, "--since", "1h");

        // Then both succeed, the dry run counts it by reason, the real run republishes it
        assertThat(dryStatus).isEqualTo(RedriveCommand.EXIT_DONE);
        assertThat(dry.toString(StandardCharsets.UTF_8))
                .startsWith("redrive alert-rules.DLT -> alert-rules: 1 would be republished, 0 older than --since"
                        + " (dry run: nothing changed)")
                .contains("1  redrive-test: failed record: IllegalArgumentException: bad rule");
        assertThat(realStatus).isEqualTo(RedriveCommand.EXIT_DONE);
        assertThat(real.toString(StandardCharsets.UTF_8))
                .startsWith("redrive alert-rules.DLT -> alert-rules: 1 republished, 0 older than --since");
        assertThat(readAll(source, 1)).extracting(r -> text(r.value())).containsExactly("rule");
    }

    @Test
    void refusesTopicsThatAreNotTheSystemsDeadLetterTopics() {
        for (String topic : List.of(Topics.Names.STOCK_PRICES, "orders.DLT", "stock-prices.DLT.DLT", "")) {
            assertThatThrownBy(() -> redrive(new RedriveRequest(topic, null, true)))
                    .isInstanceOf(NotADeadLetterTopicException.class)
                    .hasMessageContaining("not a dead-letter topic");
        }
    }

    private static int command(Map<String, String> env, ByteArrayOutputStream out, String... args) {
        return RedriveCommand.run(
                args,
                env,
                Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static RedriveSummary redrive(RedriveRequest request) {
        // an admin client's extra settings are ignored
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put("request.timeout.ms", 30_000);
        return new DeadLetterRedrive(settings).redrive(request);
    }

    private static ConsumerRecord<byte[], byte[]> failedRecord(
            String topic, int partition, long offset, String key, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        headers.add(RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS, new byte[] {0, 0, 0, 3});
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8),
                headers,
                java.util.Optional.empty());
    }

    /** Dead-letters {@code records} as the services do: the shared recoverer, waiting for the broker. */
    private static void deadLetter(List<ConsumerRecord<byte[], byte[]>> records, Exception cause) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        try {
            DeadLetterPublishingRecoverer recoverer =
                    DeadLetters.recoverer(new KafkaTemplate<>(factory), "redrive-test");
            recoverer.setWaitForSendResultTimeout(PATIENCE);
            records.forEach(record -> recoverer.accept(record, null, cause));
        } finally {
            factory.destroy();
        }
    }

    private static void writeDeadLetter(String dlt, Instant timestamp, String value) {
        Map<String, Object> config = new HashMap<>(connection);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            dlt, 0, timestamp.toEpochMilli(), null, value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The redriven records committed on {@code topic} (other tests of this JVM may write there too),
     * once at least {@code expected} are there.
     */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.headers().lastHeader(DeadLetterRedrive.REDRIVEN_FROM_HEADER) != null) {
                        records.add(record);
                    }
                });
                return records.size() >= expected
                        && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }

    private static Set<String> headerKeys(ConsumerRecord<byte[], byte[]> record) {
        Set<String> keys = new java.util.HashSet<>();
        for (Header header : record.headers()) {
            keys.add(header.key());
        }
        return keys;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
