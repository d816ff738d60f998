package org.stockalerts.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.TestDatabase;

/** Fired alerts, analytics and user events: each stored once, however often it is delivered. */
@PersistenceIntegrationTest
class EventHistoryIngestionTest {

    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    final KafkaTestClient kafka = new KafkaTestClient();

    @Test
    void storesAFiredAlertOnceWhenItIsDeliveredTwiceWithThePositionOfItsFirstRecord() throws Exception {
        // Given an alert fired by a tick, delivered twice (the second time as a replay)
        Symbol symbol = TickDraft.uniqueSymbol("T");
        PriceTick tick = TickDraft.series(symbol, 1, TestDatabase.now());
        AlertTriggered alert = AlertDraft.firedBy(tick).threshold("100.00").build();
        Future<RecordMetadata> first =
                kafka.send(Topics.ALERTS_TRIGGERED, alert.userId().toString(), alert);
        kafka.send(Topics.ALERTS_TRIGGERED, alert.userId().toString(), alert);
        AlertTriggered marker = AlertDraft.firedBy(TickDraft.series(symbol, 2, TestDatabase.now()))
                .threshold("100.00")
                .build();
        kafka.send(Topics.ALERTS_TRIGGERED, alert.userId().toString(), marker);

        // When the consumer has stored what came after it
        kafka.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("alerts", "alert_id", marker.alertId()) == 1);

        // Then the alert is stored once, with its rule, value and full payload
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM alerts WHERE alert_id = ?", alert.alertId());
        assertThat(count("alerts", "alert_id", alert.alertId())).isEqualTo(1);
        assertThat(row.get("rule_id")).isEqualTo(alert.ruleId());
        assertThat(row.get("condition")).isEqualTo("PRICE_ABOVE");
        assertThat((BigDecimal) row.get("observed_value")).isEqualByComparingTo(tick.price());
        assertThat(row.get("payload").toString()).contains(alert.message());

        // And its cursor is where its first record sits in alerts-triggered
        assertThat(row.get("kafka_partition")).isEqualTo(first.get().partition());
        assertThat(row.get("kafka_offset")).isEqualTo(first.get().offset());
    }

    @Test
    void storesAnAnalyticsUpdateOnceWhenItIsDeliveredTwice() {
        // Given a closed bar delivered twice
        Symbol symbol = TickDraft.uniqueSymbol("T");
        AnalyticsUpdated update = AnalyticsDraft.closed(symbol, Duration.ofMinutes(1), TestDatabase.now())
                .build();
        kafka.send(Topics.STOCK_ANALYTICS, symbol.value(), update);
        kafka.send(Topics.STOCK_ANALYTICS, symbol.value(), update);
        AnalyticsUpdated marker = AnalyticsDraft.closed(
                        symbol, Duration.ofMinutes(1), TestDatabase.now().plusSeconds(60))
                .build();
        kafka.send(Topics.STOCK_ANALYTICS, symbol.value(), marker);

        // When the consumer has stored what came after it
        kafka.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("stock_analytics", "event_id", marker.eventId()) == 1);

        // Then the bar is stored once, with its prices and signal
        Map<String, Object> row =
                jdbc.queryForMap("SELECT * FROM stock_analytics WHERE event_id = ?", update.eventId());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM stock_analytics WHERE symbol = ?", Integer.class, symbol.value()))
                .isEqualTo(2);
        assertThat(row.get("bar_interval")).isEqualTo("PT1M");
        assertThat((BigDecimal) row.get("close"))
                .isEqualByComparingTo(update.bar().close());
        assertThat(row.get("tick_count")).isEqualTo(42L);
        assertThat(row.get("signal")).isEqualTo("BULLISH");
        assertThat(row.get("previous_signal")).isEqualTo("NEUTRAL");
    }

    @Test
    void logsAUserEventOnceWhenItIsDeliveredTwice() {
        // Given a registration delivered twice
        UserRegistered registered = EventSamples.registered(
                UUID.randomUUID(), UUID.randomUUID(), TestDatabase.now(), "Ada", "ada@example.com");
        kafka.send(Topics.USER_EVENTS, registered.userId().toString(), registered);
        kafka.send(Topics.USER_EVENTS, registered.userId().toString(), registered);
        UserRegistered marker =
                EventSamples.registered(UUID.randomUUID(), registered.userId(), TestDatabase.now(), "Ada L.", null);
        kafka.send(Topics.USER_EVENTS, registered.userId().toString(), marker);

        // When the consumer has logged what came after it
        kafka.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("user_event_log", "event_id", marker.eventId()) == 1);

        // Then the user's log holds each event once, typed, with its payload
        assertThat(jdbc.queryForList(
                        "SELECT event_type FROM user_event_log WHERE user_id = ? ORDER BY occurred_at",
                        String.class,
                        registered.userId()))
                .containsExactly("UserRegistered", "UserRegistered");
        assertThat(jdbc.queryForObject(
                        "SELECT payload->>'email' FROM user_event_log WHERE event_id = ?",
                        String.class,
                        registered.eventId()))
                .isEqualTo("ada@example.com");
    }

    @Test
    void deadLettersAnAlertTheDatabaseRefusesAndStoresTheOthersOfItsBatch() {
        // Given a batch of alerts where one message holds a NUL character, which PostgreSQL text cannot
        Symbol symbol = TickDraft.uniqueSymbol("T");
        AlertTriggered before = AlertDraft.firedBy(TickDraft.series(symbol, 1, TestDatabase.now()))
                .threshold("100.00")
                .build();
        AlertTriggered refused = AlertDraft.firedBy(TickDraft.series(symbol, 2, TestDatabase.now()))
                .threshold("100.00")
                .message("rose\0above")
                .build();
        AlertTriggered after = AlertDraft.firedBy(TickDraft.series(symbol, 3, TestDatabase.now()))
                .threshold("100.00")
                .build();
        String key = before.userId().toString();
        List.of(before, refused, after).forEach(alert -> kafka.send(Topics.ALERTS_TRIGGERED, key, alert));

        // When the consumer has processed it
        kafka.flush();
        List<ConsumerRecord<String, byte[]>> dead = kafka.awaitDeadLetters(Topics.ALERTS_TRIGGERED, key, 1);

        // Then the refused alert is on the dead-letter topic with the database's reason, and the others are stored
        assertThat(new String(
                        dead.getFirst()
                                .headers()
                                .lastHeader(DeadLetters.REASON_HEADER)
                                .value(),
                        UTF_8))
                .contains("refused by the database");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("alerts", "alert_id", after.alertId()) == 1);
        assertThat(count("alerts", "alert_id", before.alertId())).isEqualTo(1);
        assertThat(count("alerts", "alert_id", refused.alertId())).isZero();
    }

    private int count(String table, String idColumn, Object id) {
        Integer count =
                jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + idColumn + " = ?", Integer.class, id);
        return count == null ? 0 : count;
    }
}
