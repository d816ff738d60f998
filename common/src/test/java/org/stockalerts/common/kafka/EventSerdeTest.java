package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.EventSamples;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.event.UserRegistered;
import tools.jackson.databind.JsonNode;

class EventSerdeTest {

    private final JsonEventSerializer<Object> serializer = new JsonEventSerializer<>();
    private final JsonEventDeserializer<Object> deserializer = new JsonEventDeserializer<>();

    private Object roundTrip(TopicSpec<?> topic, Object event) {
        return deserializer.deserialize(topic.name(), serializer.serialize(topic.name(), event));
    }

    @Test
    void priceTickRoundTripsWithEveryFieldAndScaleKept() {
        // Given a tick with trailing zeros and many decimals
        PriceTick tick = EventSamples.tick();

        // When it goes through the serializer and back
        Object read = roundTrip(Topics.STOCK_PRICES, tick);

        // Then it is equal, scale included
        assertThat(read).isEqualTo(tick);
        assertThat(((PriceTick) read).price().scale()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Condition.class)
    void ruleChangeRoundTripsForEveryCondition(Condition condition) {
        // Given a rule change of this condition
        AlertRuleChanged change =
                new AlertRuleChanged(EventSamples.tick().eventId(), EventSamples.NOW, 1, EventSamples.rule(condition));

        // When / Then it round-trips on alert-rules
        assertThat(roundTrip(Topics.ALERT_RULES, change)).isEqualTo(change);
    }

    @Test
    void everyUserEventRoundTripsAsItsOwnTypeOnUserEvents() {
        for (UserEvent event : EventSamples.userEvents()) {
            // When each user event goes through user-events
            Object read = roundTrip(Topics.USER_EVENTS, event);

            // Then it comes back as the same subtype and value
            assertThat(read).isInstanceOf(event.getClass()).isEqualTo(event);
        }
    }

    @Test
    void alertTriggeredRoundTripsWithItsTick() {
        AlertTriggered alert = EventSamples.alert();

        assertThat(roundTrip(Topics.ALERTS_TRIGGERED, alert)).isEqualTo(alert);
    }

    @Test
    void analyticsRoundTripForMinuteAndDayIntervals() {
        for (Duration interval : new Duration[] {Duration.ofMinutes(1), Duration.ofDays(1)}) {
            AnalyticsUpdated update = EventSamples.analytics(interval);

            assertThat(roundTrip(Topics.STOCK_ANALYTICS, update)).isEqualTo(update);
        }
    }

    @Test
    void writesNumbersAsJsonNumbersInstantsAndDurationsAsIsoStringsAndOmitsNulls() {
        // Given a tick without volume and an analytics update
        PriceTick tick = PriceTick.of(
                EventSamples.tick().eventId(),
                EventSamples.NOW,
                EventSamples.tick().symbol(),
                EventSamples.tick().price(),
                EventSamples.tick().source(),
                EventSamples.NOW);

        // When they are written
        JsonNode tickJson = EventJson.mapper().readTree(EventJson.write(tick));
        JsonNode analyticsJson =
                EventJson.mapper().readTree(EventJson.write(EventSamples.analytics(Duration.ofDays(1))));

        // Then the shape is the documented one
        assertThat(tickJson.get("price").isNumber()).isTrue();
        assertThat(tickJson.get("price").decimalValue()).isEqualByComparingTo("201.37");
        assertThat(tickJson.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(tickJson.get("source").asString()).isEqualTo("alphavantage");
        assertThat(tickJson.get("observedAt").asString()).isEqualTo("2026-11-25T15:30:00.123456Z");
        assertThat(tickJson.has("volume")).isFalse();
        assertThat(analyticsJson.get("interval").asString()).isEqualTo("PT24H");
        assertThat(analyticsJson.get("bar").get("tradingDate").asString()).isEqualTo("2026-11-25");
    }

    @Test
    void userEventsCarryTheirTypeName() {
        // When a registration is written
        JsonNode json = EventJson.mapper()
                .readTree(EventJson.write(EventSamples.userEvents().get(0)));

        // Then the type is named, so user-events readers know which record it is
        assertThat(json.get("type").asString()).isEqualTo("UserRegistered");
    }

    @Test
    void readsAnOlderTickWithoutOptionalFieldsOrVersion() {
        // Given a tick as an early producer wrote it
        String json = """
                {"eventId":"00000000-0000-7000-8000-000000000001","occurredAt":"2026-11-25T15:30:00Z",
                 "symbol":"msft","price":410.5,"source":"simulated","observedAt":"2026-11-25T15:29:59Z"}""";

        // When it is read
        PriceTick tick = EventJson.read(json, PriceTick.class, "stock-prices");

        // Then the optional fields are absent and the version is the first
        assertThat(tick.version()).isEqualTo(1);
        assertThat(tick.symbol().value()).isEqualTo("MSFT");
        assertThat(tick.volume()).isNull();
        assertThat(tick.previousClose()).isNull();
    }

    @Test
    void readsANewerRecordIgnoringUnknownFieldsAtAnyDepth() {
        // Given a registration from a future producer with extra fields
        String json = """
                {"type":"UserRegistered","eventId":"00000000-0000-7000-8000-000000000002",
                 "occurredAt":"2026-11-25T15:30:00Z","version":3,"userId":"00000000-0000-7000-8000-000000000003",
                 "name":"Ada","locale":"en-GB","preferences":{"theme":"dark","nested":[1,2]}}""";

        // When it is read from user-events
        Object event = deserializer.deserialize("user-events", json.getBytes(StandardCharsets.UTF_8));

        // Then the known fields are read
        assertThat(event).isInstanceOfSatisfying(UserRegistered.class, registered -> {
            assertThat(registered.name()).isEqualTo("Ada");
            assertThat(registered.version()).isEqualTo(3);
        });
    }

    @Test
    void aTombstoneReadsAsNull() {
        assertThat(deserializer.deserialize("alert-rules", null)).isNull();
    }

    @Test
    void rejectsMalformedJsonNamingTheTopic() {
        assertThatThrownBy(() -> deserializer.deserialize("stock-prices", "{\"eventId\":".getBytes()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("malformed record on stock-prices: not a valid PriceTick");
    }

    @Test
    void rejectsAWrongTypeNamingTheField() {
        String json = """
                {"eventId":"00000000-0000-7000-8000-000000000001","occurredAt":"2026-11-25T15:30:00Z",
                 "symbol":"AAPL","price":"abc","source":"simulated","observedAt":"2026-11-25T15:29:59Z"}""";

        assertThatThrownBy(() -> EventJson.read(json, PriceTick.class, "stock-prices"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("stock-prices")
                .hasMessageContaining("price");
    }

    @Test
    void rejectsAMissingRequiredField() {
        String json = """
                {"eventId":"00000000-0000-7000-8000-000000000001","occurredAt":"2026-11-25T15:30:00Z",
                 "symbol":"AAPL","source":"simulated","observedAt":"2026-11-25T15:29:59Z"}""";

        assertThatThrownBy(() -> EventJson.read(json, PriceTick.class, "stock-prices"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("malformed record on stock-prices: missing required field 'price'");
    }

    @Test
    void rejectsANegativePriceAndAnInvalidSymbol() {
        String template = """
                {"eventId":"00000000-0000-7000-8000-000000000001","occurredAt":"2026-11-25T15:30:00Z",
                 "symbol":"%s","price":%s,"source":"simulated","observedAt":"2026-11-25T15:29:59Z"}""";

        assertThatThrownBy(() -> EventJson.read(template.formatted("AAPL", "-1"), PriceTick.class, "stock-prices"))
                .hasMessageContaining("field 'price' must be positive");
        assertThatThrownBy(() -> EventJson.read(template.formatted("A A", "1"), PriceTick.class, "stock-prices"))
                .hasMessageContaining("invalid symbol 'A A'");
    }

    @Test
    void rejectsAnEmptyValueAndATopicWithoutDeclaredType() {
        assertThatThrownBy(() -> deserializer.deserialize("stock-prices", new byte[0]))
                .hasMessage("malformed record on stock-prices: empty record value");
        assertThatThrownBy(() -> deserializer.deserialize("somebody-elses-topic", "{}".getBytes()))
                .hasMessageContaining("no event type is declared for this topic");
    }

    @Test
    void placesAFailureAtItsPartitionAndOffset() {
        MalformedEventException failure =
                new MalformedEventException("stock-prices", "missing required field 'price'", null);

        assertThat(failure.at(3, 17))
                .hasMessage("malformed record on stock-prices partition 3 offset 17: missing required field 'price'")
                .extracting(MalformedEventException::reason)
                .isEqualTo("missing required field 'price'");
    }

    @Test
    void serializerPassesRawBytesThroughForDeadLettering() {
        byte[] raw = "not json".getBytes(StandardCharsets.UTF_8);

        assertThat(serializer.serialize("stock-prices.DLT", raw)).isSameAs(raw);
        assertThat(serializer.serialize("stock-prices", null)).isNull();
    }

    @Test
    void typedSerdeReadsItsTypeFromAnyTopic() {
        PriceTick tick = EventSamples.tick();
        var serde = EventSerdes.of(Topics.STOCK_PRICES);

        byte[] bytes = serde.serializer().serialize("app-repartition", tick);

        assertThat(serde.deserializer().deserialize("app-repartition", bytes)).isEqualTo(tick);
    }
}
