package org.stockalerts.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.tracing.TraceParents;
import org.stockalerts.testsupport.TestKafka;

class OutboxRelayTest extends ApiIntegrationTestSupport {

    @Autowired
    OutboxRelayScheduler scheduler;

    @Autowired
    ProducerFactory<Object, Object> producerFactory;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    OutboxSettings settings;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry meters;

    @Test
    void quarantinesAnEventTooLargeForTheBrokerAndPublishesTheNextOne() {
        // Given, committed together, an event larger than the producer's max.request.size (1 MiB)
        // and an ordinary event of the same key behind it
        String key = UUID.randomUUID().toString();
        UUID tooLarge = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        double before = quarantinedCount();
        long delaysBefore = publishDelays();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            unpublishedRow(tooLarge, key, "{\"padding\": \"" + "x".repeat(1_100_000) + "\"}");
            unpublishedRow(next, key, "{\"small\": true}");
        });

        // When the relay runs, then the large event is quarantined with its reason and counted
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM api.outbox WHERE message_key = ?"
                                        + " AND (published_at IS NOT NULL OR quarantined_at IS NOT NULL)",
                                Long.class,
                                key)
                        == 2);
        assertThat(jdbc.queryForObject(
                        "SELECT quarantine_reason FROM api.outbox WHERE event_id = ? AND published_at IS NULL",
                        String.class,
                        tooLarge))
                .startsWith("RecordTooLargeException");
        assertThat(quarantinedCount()).isEqualTo(before + 1);
        // And the event behind it is published, and only it arrives
        assertThat(awaitEvents(List.of(next.toString())))
                .extracting(OutboxRelayTest::eventId)
                .containsExactly(next.toString());
        assertThat(jdbc.queryForObject(
                        "SELECT quarantined_at IS NULL FROM api.outbox WHERE event_id = ?", Boolean.class, next))
                .isTrue();
        // And its delay from the row's write to Kafka's acknowledgement is timed; the quarantined one's is not
        assertThat(publishDelays()).isGreaterThanOrEqualTo(delaysBefore + 1);
    }

    @Test
    void publishesARequestsEventInThatRequestsTrace() {
        // Given a rule created in a request that carries a W3C trace context
        TestUser alice = registerUser("Tracy Outbox");
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String ruleId = json(mvc.post()
                        .uri("/alerts")
                        .header(HttpHeaders.AUTHORIZATION, alice.bearer())
                        .header(TraceParents.HEADER, "00-" + trace + "-00f067aa0ba902b7-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"symbol\": \"IBM\", \"threshold\": 150}")
                        .exchange())
                .get("id")
                .asString();

        // Then its outbox row keeps the request's trace
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT event_id::text AS event_id, traceparent FROM api.outbox WHERE message_key = ?", ruleId);
        assertThat((String) row.get("traceparent")).matches("00-" + trace + "-[0-9a-f]{16}-01");

        // And the record the relay publishes carries it on, from a span of the relay's own
        ConsumerRecord<String, byte[]> record =
                awaitEvents(List.of((String) row.get("event_id"))).getFirst();
        String published = TraceParents.in(record.headers());
        assertThat(published).matches("00-" + trace + "-[0-9a-f]{16}-01").isNotEqualTo(row.get("traceparent"));
    }

    private long publishDelays() {
        return meters.find(OutboxRelay.PUBLISH_DELAY).timers().stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count)
                .sum();
    }

    private double quarantinedCount() {
        return meters.find(OutboxRelay.QUARANTINED).tag("error", "RecordTooLargeException").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private void unpublishedRow(UUID eventId, String key, String payload) {
        jdbc.update(
                "INSERT INTO api.outbox (event_id, topic, message_key, event_type, payload, created_at)"
                        + " VALUES (?, ?, ?, 'Test', ?::jsonb, now())",
                eventId,
                Topics.USER_EVENTS.name(),
                key,
                payload);
    }

    @Test
    void writesSucceedWhileKafkaIsUnreachableAndEveryEventArrivesExactlyOnceWhenItIsBack() {
        // Given the relay stopped and a relay whose broker is unreachable
        scheduler.stop();
        KafkaTemplate<Object, Object> unreachable = new KafkaTemplate<>(
                producerFactory,
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "127.0.0.1:1",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        300));
        TestUser alice;
        String ruleId;
        List<String> expected;
        try {
            // When a user registers, builds a portfolio, creates a rule and deletes it
            alice = registerUser("Alice");
            post(
                    alice,
                    "/users/" + alice.id() + "/portfolio",
                    "{\"holdings\": [{\"symbol\": \"IBM\", \"quantity\": 2, \"averageCost\": 100}]}");
            ruleId = json(post(alice, "/alerts", "{\"symbol\": \"IBM\", \"threshold\": 150}"))
                    .get("id")
                    .asString();
            assertThat(delete(alice, "/alerts/" + ruleId)).hasStatus(204);

            // Then every write succeeded, and the unreachable broker publishes nothing
            OutboxRelay down = new OutboxRelay(
                    jdbc,
                    new TransactionTemplate(transactionManager),
                    unreachable,
                    settings,
                    clock,
                    meters,
                    TraceParents.NONE);
            assertThatThrownBy(down::publishBatch).isInstanceOf(OutboxPublishException.class);
            expected = jdbc.queryForList(
                    "SELECT event_id::text FROM api.outbox WHERE message_key IN (?, ?) AND published_at IS NULL"
                            + " ORDER BY id",
                    String.class,
                    alice.id().toString(),
                    ruleId);
            assertThat(expected).hasSize(4);
        } finally {
            unreachable.destroy();
            // When Kafka is reachable again
            scheduler.start();
        }

        // Then every event arrives exactly once, the rule's in commit order with the tombstone last
        List<ConsumerRecord<String, byte[]>> received = awaitEvents(expected);
        List<String> ids = received.stream().map(OutboxRelayTest::eventId).toList();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        List<ConsumerRecord<String, byte[]>> ruleRecords =
                received.stream().filter(r -> r.key().equals(ruleId)).toList();
        assertThat(ruleRecords).hasSize(2);
        assertThat(ruleRecords.get(0).value()).isNotNull();
        assertThat(ruleRecords.get(1).value()).isNull();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api.outbox WHERE message_key IN (?, ?) AND published_at IS NULL",
                        Long.class,
                        alice.id().toString(),
                        ruleId))
                .isZero();
    }

    @Test
    void publishesNothingWhileAnotherInstanceHoldsTheRelayLockAndCatchesUpAfterwards() throws Exception {
        // Given another relay instance holding the relay lock
        try (Connection other = dataSource.getConnection();
                Statement sql = other.createStatement()) {
            sql.execute("SELECT pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            TestUser alice;
            try {
                // When a user registers
                alice = registerUser("Alice");

                // Then this instance publishes nothing: its event waits
                assertThat(relay.publishBatch()).isZero();
                assertThat(unpublished(alice)).isEqualTo(1);
            } finally {
                sql.execute("SELECT pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
            }

            // Then once the lock is released the event is published
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(alice) == 0);
        }
    }

    @Test
    void purgesOnlyEventsPublishedLongerAgoThanTheRetention() {
        // Given an event published 30 days ago and one published a minute ago
        String key = UUID.randomUUID().toString();
        Instant recent = clock.instant().minus(Duration.ofMinutes(1));
        outboxRow(key, clock.instant().minus(Duration.ofDays(30)));
        outboxRow(key, recent);

        // When the relay purges
        relay.purgePublished();

        // Then only the old one is gone
        assertThat(jdbc.queryForList("SELECT published_at FROM api.outbox WHERE message_key = ?", Timestamp.class, key))
                .extracting(published -> published.toInstant().truncatedTo(ChronoUnit.MILLIS))
                .containsExactly(recent.truncatedTo(ChronoUnit.MILLIS));
    }

    private void outboxRow(String key, Instant publishedAt) {
        jdbc.update(
                "INSERT INTO api.outbox (event_id, topic, message_key, event_type, payload, created_at, published_at)"
                        + " VALUES (?, 'user-events', ?, 'Test', NULL, now(), ?)",
                UUID.randomUUID(),
                key,
                Timestamp.from(publishedAt));
    }

    private long unpublished(TestUser user) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM api.outbox WHERE message_key = ? AND published_at IS NULL",
                Long.class,
                user.id().toString());
    }

    private static List<ConsumerRecord<String, byte[]>> awaitEvents(List<String> expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.USER_EVENTS.name(), Topics.ALERT_RULES.name())) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (expected.contains(eventId(record))) {
                        mine.add(record);
                    }
                });
                return mine.stream().map(OutboxRelayTest::eventId).distinct().count() == expected.size();
            });
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (expected.contains(eventId(record))) {
                    mine.add(record);
                }
            });
            return mine;
        }
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(OutboxRelay.EVENT_ID_HEADER);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
