package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.event.UserRegistered;
import org.stockalerts.common.fixtures.AlertDraft;

/** Records written by older and newer producers, by hand, read by today's deserializer. */
class EventCompatibilityTest {

    private static <T> T read(TopicSpec<T> topic, String json) {
        return new JsonEventDeserializer<T>().deserialize(topic.name(), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAnOlderTickWithoutOptionalFieldsOrVersion() {
        // Given a tick as an early producer wrote it: no version, volume, day range or previous close
        String json = """
                {"eventId":"00000000-0000-7000-8000-000000000001","occurredAt":"2026-11-25T15:30:00Z",
                 "symbol":"msft","price":410.50,"source":"simulated","observedAt":"2026-11-25T15:29:59Z"}""";

        // When it is read from stock-prices
        PriceTick tick = read(Topics.STOCK_PRICES, json);

        // Then it has the first version and the optional fields are absent
        assertThat(tick.version()).isEqualTo(1);
        assertThat(tick.symbol()).isEqualTo(Symbol.of("MSFT"));
        assertThat(tick.price()).isEqualTo(new BigDecimal("410.50"));
        assertThat(tick.source()).isEqualTo(TickSource.SIMULATED);
        assertThat(tick.volume()).isNull();
        assertThat(tick.dayOpen()).isNull();
        assertThat(tick.dayHigh()).isNull();
        assertThat(tick.dayLow()).isNull();
        assertThat(tick.previousClose()).isNull();
    }

    @Test
    void readsAnOlderRuleChangeWithoutOptionalRuleFields() {
        // Given a rule change without version, channels, expiry or revision
        String json = """
                {"eventId":"00000000-0000-7000-8000-000000000002","occurredAt":"2026-11-25T15:30:00Z",
                 "rule":{"ruleId":"00000000-0000-7000-8000-000000000003","userId":"00000000-0000-7000-8000-000000000004",
                         "symbol":"AAPL","condition":"PRICE_ABOVE","threshold":200,"triggerMode":"ONCE",
                         "status":"ACTIVE"}}""";

        // When it is read from alert-rules
        AlertRuleChanged change = read(Topics.ALERT_RULES, json);

        // Then the defaults apply: first version, in-app delivery, no expiry, revision 0
        assertThat(change.version()).isEqualTo(1);
        assertThat(change.rule().channels()).containsExactly(ChannelType.IN_APP);
        assertThat(change.rule().expiresAt()).isNull();
        assertThat(change.rule().revision()).isZero();
        assertThat(change.rule().isLiveAt(Instant.parse("2030-01-01T00:00:00Z")))
                .isTrue();
    }

    @Test
    void readsAnAlertWhoseReceiptPredatesCatchUpsAsNoCatchUp() {
        // Given an alert written before receipts said whether they were a catch-up
        AlertTriggered alert = AlertDraft.alert()
                .receipt(AlertDraft.receipt(Instant.parse("2026-11-25T15:30:00Z")))
                .build();
        tools.jackson.databind.node.ObjectNode node =
                (tools.jackson.databind.node.ObjectNode) EventJson.mapper().readTree(EventJson.write(alert));
        ((tools.jackson.databind.node.ObjectNode) node.get("receipt")).remove("catchUp");

        // When it is read from alerts-triggered
        AlertTriggered read = read(Topics.ALERTS_TRIGGERED, node.toString());

        // Then it is no catch-up
        assertThat(read.receipt()).isNotNull();
        assertThat(read.receipt().catchUp()).isFalse();
    }

    @Test
    void readsAnOlderAnalyticsUpdateWithoutSignalsOrFlags() {
        // Given an update from before signals existed, with its interval written as P1D
        String json = """
                {"eventId":"00000000-0000-7000-8000-000000000005","occurredAt":"2026-11-25T21:00:00Z",
                 "symbol":"AAPL","interval":"P1D",
                 "bar":{"windowStart":"2026-11-25T14:30:00Z","windowEnd":"2026-11-25T21:00:00Z",
                        "tradingDate":"2026-11-25","open":200.10,"high":202,"low":199.5,"close":201.37,
                        "tickCount":390,"average":200.9}}""";

        // When it is read from stock-analytics
        AnalyticsUpdated update = read(Topics.STOCK_ANALYTICS, json);

        // Then the absent fields take their defaults
        assertThat(update.version()).isEqualTo(1);
        assertThat(update.interval()).isEqualTo(Duration.ofDays(1));
        assertThat(update.signal()).isEqualTo(Signal.NEUTRAL);
        assertThat(update.previousSignal()).isNull();
        assertThat(update.signalChanged()).isFalse();
        assertThat(update.amended()).isFalse();
        assertThat(update.sma5()).isNull();
        assertThat(update.bar().volume()).isZero();
        assertThat(update.bar().close()).isEqualTo(new BigDecimal("201.37"));
    }

    @Test
    void readsANewerTickWithUnknownFields() {
        // Given a tick from a future producer, with a newer version and fields we do not know
        String json = """
                {"eventId":"00000000-0000-7000-8000-000000000006","occurredAt":"2026-11-25T15:30:00Z",
                 "version":2,"symbol":"AAPL","price":201.37,"currency":"USD","exchange":{"mic":"XNAS","open":true},
                 "source":"alphavantage","observedAt":"2026-11-25T15:29:59Z","tags":["pre-market",1]}""";

        // When it is read from stock-prices
        PriceTick tick = read(Topics.STOCK_PRICES, json);

        // Then the known fields are read and the version kept
        assertThat(tick.version()).isEqualTo(2);
        assertThat(tick.price()).isEqualTo(new BigDecimal("201.37"));
        assertThat(tick.source()).isEqualTo(TickSource.ALPHAVANTAGE);
    }

    @Test
    void readsANewerAlertWithUnknownFieldsInsideItsRuleAndTick() {
        // Given an alert whose rule and nested tick carry fields we do not know
        String json = """
                {"eventId":"00000000-0000-7000-8000-000000000007","occurredAt":"2026-11-25T15:30:00Z","version":3,
                 "alertId":"00000000-0000-5000-8000-000000000008","userId":"00000000-0000-7000-8000-000000000004",
                 "severity":"high",
                 "rule":{"ruleId":"00000000-0000-7000-8000-000000000003","userId":"00000000-0000-7000-8000-000000000004",
                         "symbol":"AAPL","condition":"CROSSES_UP","threshold":200.00,"triggerMode":"ONCE",
                         "status":"ACTIVE","revision":4,"label":"breakout","schedule":{"days":["MON"]}},
                 "symbol":"AAPL","sourceEventId":"00000000-0000-7000-8000-000000000006","observedValue":201.37,
                 "tick":{"eventId":"00000000-0000-7000-8000-000000000006","occurredAt":"2026-11-25T15:30:00Z",
                         "symbol":"AAPL","price":201.37,"source":"replay","observedAt":"2026-11-25T15:29:59Z",
                         "bidAsk":{"bid":201.36,"ask":201.38}},
                 "observedAt":"2026-11-25T15:29:59Z","message":"AAPL crossed above 200.00 (now 201.37)"}""";

        // When it is read from alerts-triggered
        AlertTriggered alert = read(Topics.ALERTS_TRIGGERED, json);

        // Then the known fields at every depth are read
        assertThat(alert.version()).isEqualTo(3);
        assertThat(alert.rule().revision()).isEqualTo(4);
        assertThat(alert.rule().threshold()).isEqualTo(new BigDecimal("200.00"));
        assertThat(alert.tick().source()).isEqualTo(TickSource.REPLAY);
        assertThat(alert.tick().version()).isEqualTo(1);
        assertThat(alert.message()).isEqualTo("AAPL crossed above 200.00 (now 201.37)");
    }

    @Test
    void readsANewerUserEventWithUnknownFields() {
        // Given a registration from a future producer with extra top-level and nested fields
        String json = """
                {"type":"UserRegistered","eventId":"00000000-0000-7000-8000-000000000009",
                 "occurredAt":"2026-11-25T15:30:00Z","version":2,"userId":"00000000-0000-7000-8000-000000000004",
                 "name":"Ada","locale":"en-GB","preferences":{"theme":"dark","nested":[1,{"x":null}]}}""";

        // When it is read from user-events
        UserEvent event = read(Topics.USER_EVENTS, json);

        // Then it is a registration with the known fields; the e-mail, absent, is null
        assertThat(event).isInstanceOfSatisfying(UserRegistered.class, registered -> {
            assertThat(registered.name()).isEqualTo("Ada");
            assertThat(registered.email()).isNull();
            assertThat(registered.version()).isEqualTo(2);
        });
    }
}
