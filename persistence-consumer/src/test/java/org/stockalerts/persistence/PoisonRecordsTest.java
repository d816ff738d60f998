package org.stockalerts.persistence;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.UserRegistered;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.fixtures.AnalyticsDraft;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.fixtures.PoisonAssertions;
import org.stockalerts.common.fixtures.PoisonAssertions.Fed;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.RawKafkaClient;
import org.stockalerts.testsupport.TestDatabase;

/**
 * Scenario C8 for every topic persistence-consumer reads: the catalogue's malformed records go to
 * {@code <topic>.DLT} once each, with their reasons, and the valid record after them is stored.
 */
@PersistenceIntegrationTest
class PoisonRecordsTest {

    @RegisterExtension
    static final RawKafkaClient RAW = RawKafkaClient.onTestBroker();

    @Autowired
    JdbcTemplate jdbc;

    /** A valid record of a topic and the row that shows it was stored. */
    record Valid(TopicSpec<?> topic, String key, Object event, String table, String idColumn, UUID id) {
        @Override
        public String toString() {
            return topic.name();
        }
    }

    static Stream<Valid> topics() {
        Symbol symbol = TickDraft.uniqueSymbol("PZ");
        PriceTick tick = TickDraft.series(symbol, 1, TestDatabase.now());
        AlertTriggered alert = AlertDraft.firedBy(tick).threshold("100.00").build();
        AnalyticsUpdated bar = AnalyticsDraft.closed(symbol, Duration.ofMinutes(1), TestDatabase.now())
                .build();
        UserRegistered registered = EventSamples.registered(
                UUID.randomUUID(), UUID.randomUUID(), TestDatabase.now(), "Ada", "ada@example.com");
        return Stream.of(
                new Valid(Topics.STOCK_PRICES, symbol.value(), tick, "price_ticks", "event_id", tick.eventId()),
                new Valid(
                        Topics.ALERTS_TRIGGERED,
                        alert.userId().toString(),
                        alert,
                        "alerts",
                        "alert_id",
                        alert.alertId()),
                new Valid(Topics.STOCK_ANALYTICS, symbol.value(), bar, "stock_analytics", "event_id", bar.eventId()),
                new Valid(
                        Topics.USER_EVENTS,
                        registered.userId().toString(),
                        registered,
                        "user_event_log",
                        "event_id",
                        registered.eventId()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyPoisonIsDeadLetteredAndTheNextValidRecordIsStored(Valid valid) throws Exception {
        // When the topic's catalogue is fed to the partition of a valid record, then the valid record
        Fed fed = PoisonAssertions.feedThenValid(
                RAW, valid.topic(), "persistence-" + UUID.randomUUID(), valid.key(), valid.event());

        // Then the valid record is stored
        await().atMost(PoisonAssertions.PATIENCE).until(() -> count(valid) == 1);
        // and every poison is in the topic's DLT once, with its reason
        PoisonAssertions.assertDeadLettered(RAW, valid.topic(), fed.catalogue(), "persistence-consumer");
    }

    private int count(Valid valid) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM " + valid.table() + " WHERE " + valid.idColumn() + " = ?",
                Integer.class,
                valid.id());
        return count == null ? 0 : count;
    }
}
