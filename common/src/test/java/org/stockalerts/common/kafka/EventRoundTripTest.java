package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.UserDeleted;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.event.UserRegistered;
import org.stockalerts.common.fixtures.EventSamples;
import tools.jackson.databind.JsonNode;

/** Every event type goes out through the serializer and back through the deserializer of its topic. */
class EventRoundTripTest {

    /** Writes {@code event} and reads it back as the type {@link Topics} declares for {@code topic}. */
    private static <T> T roundTrip(TopicSpec<T> topic, T event) {
        byte[] bytes = new JsonEventSerializer<T>().serialize(topic.name(), event);
        return new JsonEventDeserializer<T>().deserialize(topic.name(), bytes);
    }

    private static JsonNode jsonOf(Object event) {
        return EventJson.mapper().readTree(new JsonEventSerializer<>().serialize("any", event));
    }

    @Test
    void roundTripsAPriceTickWithEveryFieldAndTheScaleOfEveryPrice() {
        // Given a tick with every field set, prices with trailing zeros and with many decimals
        PriceTick tick = EventSamples.tick();

        // When it travels over stock-prices
        PriceTick read = roundTrip(Topics.STOCK_PRICES, tick);

        // Then it is equal field by field, and BigDecimal equality includes the scale
        assertThat(read).isEqualTo(tick);
        assertThat(read.price()).isEqualTo(new BigDecimal("123.4500"));
        assertThat(read.price().toPlainString()).isEqualTo("123.4500");
        assertThat(read.dayHigh().toPlainString()).isEqualTo("124.123456789012345678");
        assertThat(read.previousClose().scale()).isEqualTo(4);
        assertThat(read.observedAt()).isEqualTo(tick.observedAt());
    }

    @ParameterizedTest
    @EnumSource(Condition.class)
    void roundTripsARuleChangeOfEveryCondition(Condition condition) {
        // Given a rule change with every optional field this condition allows, cooldowns and margins included
        AlertRuleChanged change = EventSamples.ruleChanged(condition);

        // When it travels over alert-rules
        AlertRuleChanged read = roundTrip(Topics.ALERT_RULES, change);

        // Then it is equal, down to the rule's channels, cooldown and margin
        assertThat(read).isEqualTo(change);
        assertThat(read.rule().channels()).isEqualTo(change.rule().channels());
    }

    static List<UserEvent> userEvents() {
        return EventSamples.userEvents();
    }

    @ParameterizedTest
    @MethodSource("userEvents")
    void roundTripsEveryUserEventAsTheSealedUserEventType(UserEvent event) {
        // Given a user event of one of the four kinds
        // When it is written
        byte[] bytes = new JsonEventSerializer<UserEvent>().serialize(Topics.USER_EVENTS.name(), event);

        // Then it names its kind in a type property
        JsonNode json = EventJson.mapper().readTree(bytes);
        assertThat(json.path("type").isString())
                .as("has a type property: %s", json)
                .isTrue();
        assertThat(json.get("type").asString()).isEqualTo(event.getClass().getSimpleName());

        // And when user-events reads it as a UserEvent, it comes back as the same kind and value
        UserEvent read = new JsonEventDeserializer<UserEvent>().deserialize(Topics.USER_EVENTS.name(), bytes);
        assertThat(read).isInstanceOf(event.getClass()).isEqualTo(event);
    }

    @Test
    void readsTheUserEventKindThatTheTypePropertyNames() {
        // Given two user events with the same fields, one named UserDeleted and one UserRegistered
        String body = """
                "eventId":"00000000-0000-7000-8000-000000000009","occurredAt":"2026-11-25T15:30:00Z",
                "userId":"00000000-0000-7000-8000-000000000001","name":"Ada"}""";
        byte[] deleted = ("{\"type\":\"UserDeleted\"," + body).getBytes(StandardCharsets.UTF_8);
        byte[] registered = ("{\"type\":\"UserRegistered\"," + body).getBytes(StandardCharsets.UTF_8);
        JsonEventDeserializer<UserEvent> deserializer = new JsonEventDeserializer<>();

        // When they are read from user-events
        UserEvent first = deserializer.deserialize("user-events", deleted);
        UserEvent second = deserializer.deserialize("user-events", registered);

        // Then each is read as the kind its type names
        assertThat(first).isExactlyInstanceOf(UserDeleted.class);
        assertThat(second).isExactlyInstanceOf(UserRegistered.class);
    }

    @Test
    void roundTripsAnAlertWithTheTickThatFiredIt() {
        // Given an alert carrying its rule and the tick that fired it
        AlertTriggered alert = EventSamples.alert();

        // When it travels over alerts-triggered
        AlertTriggered read = roundTrip(Topics.ALERTS_TRIGGERED, alert);

        // Then it is equal, the nested tick with its prices' scale included
        assertThat(read).isEqualTo(alert);
        assertThat(read.tick()).isEqualTo(EventSamples.tick());
        assertThat(read.ruleId()).isEqualTo(alert.rule().ruleId());
    }

    @Test
    void roundTripsAResumedFeedWithItsCatchUpPrices() {
        // Given a feed back after a gap, with the prices its bars hid
        FeedStatusChanged resumed = EventSamples.feedResumed();

        // When it travels over feed-status
        FeedStatusChanged read = roundTrip(Topics.FEED_STATUS, resumed);

        // Then it is equal, the catch-up prices in their order included
        assertThat(read).isEqualTo(resumed);
        assertThat(read.catchUp())
                .extracting(FeedStatusChanged.PricePoint::price)
                .containsExactly(new BigDecimal("201.25"), new BigDecimal("198.40"));
        assertThat(new String(EventJson.write(resumed), StandardCharsets.UTF_8))
                .contains("\"status\":\"RESUMED\"", "\"problem\":\"NO_TICKS\"", "\"source\":\"finnhub\"");
    }

    @Test
    void refusesAFeedEventWhoseCatchUpIsOutOfOrderOrOutsideTheGap() {
        FeedStatusChanged sample = EventSamples.feedResumed();
        FeedStatusChanged.PricePoint first = sample.catchUp().get(0);
        FeedStatusChanged.PricePoint second = sample.catchUp().get(1);

        // out of order
        assertThatThrownBy(() -> withCatchUp(sample, List.of(second, first)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
        // at the resumed tick's time: not hidden by the gap
        assertThatThrownBy(() -> withCatchUp(
                        sample, List.of(new FeedStatusChanged.PricePoint(BigDecimal.TEN, sample.resumedAt()))))
                .hasMessageContaining("before 'resumedAt'");
        // at the last tick's time
        assertThatThrownBy(() -> withCatchUp(
                        sample, List.of(new FeedStatusChanged.PricePoint(BigDecimal.TEN, sample.lastTickAt()))))
                .hasMessageContaining("after 'lastTickAt'");
        // a stale feed carries no catch-up
        assertThatThrownBy(() -> new FeedStatusChanged(
                        sample.eventId(),
                        sample.occurredAt(),
                        1,
                        sample.symbol(),
                        FeedStatusChanged.Status.STALE,
                        sample.problem(),
                        sample.source(),
                        sample.lastTickAt(),
                        sample.since(),
                        null,
                        FeedStatusChanged.CatchUpSource.BARS,
                        sample.catchUp(),
                        null))
                .hasMessageContaining("STALE");
        // and a resumed feed says when
        assertThatThrownBy(() -> withCatchUp(sample, null, List.of())).hasMessageContaining("resumedAt");
    }

    private static FeedStatusChanged withCatchUp(FeedStatusChanged sample, List<FeedStatusChanged.PricePoint> points) {
        return withCatchUp(sample, sample.resumedAt(), points);
    }

    private static FeedStatusChanged withCatchUp(
            FeedStatusChanged sample, Instant resumedAt, List<FeedStatusChanged.PricePoint> points) {
        return FeedStatusChanged.resumed(
                sample.eventId(),
                sample.occurredAt(),
                sample.symbol(),
                sample.problem(),
                sample.source(),
                sample.lastTickAt(),
                sample.since(),
                resumedAt,
                sample.catchUpSource(),
                points);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1M", "PT5M", "PT1H", "P1D"})
    void roundTripsAnAnalyticsUpdateOfEveryBarInterval(String interval) {
        // Given an analytics update of a bar of this interval
        AnalyticsUpdated update = EventSamples.analytics(Duration.parse(interval));

        // When it travels over stock-analytics
        AnalyticsUpdated read = roundTrip(Topics.STOCK_ANALYTICS, update);

        // Then it is equal, bar, interval and averages included
        assertThat(read).isEqualTo(update);
        assertThat(read.interval()).isEqualTo(Duration.parse(interval));
        assertThat(read.bar()).isEqualTo(EventSamples.bar());
    }

    @Test
    void writesPricesAsNumbersTimesAsIsoStringsAndLeavesNullsOut() {
        // Given a tick that has only the fields every source has
        PriceTick tick = PriceTick.of(
                EventSamples.TICK_ID,
                EventSamples.NOW,
                EventSamples.tick().symbol(),
                new BigDecimal("123.4500"),
                EventSamples.tick().source(),
                EventSamples.NOW.minusSeconds(2));

        // When it is written
        byte[] bytes = new JsonEventSerializer<PriceTick>().serialize("stock-prices", tick);
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode json = EventJson.mapper().readTree(bytes);

        // Then the price is a plain JSON number with its trailing zeros
        assertThat(json.get("price").isNumber()).isTrue();
        assertThat(text).contains("\"price\":123.4500");
        // And instants are ISO-8601 strings, the symbol a plain string, the source its wire name
        assertThat(json.get("occurredAt").isString()).isTrue();
        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-25T15:30:00.123456Z");
        assertThat(json.get("observedAt").asString()).isEqualTo("2026-11-25T15:29:58.123456Z");
        assertThat(text).contains("\"symbol\":\"AAPL\"");
        assertThat(json.get("source").asString()).isEqualTo("alphavantage");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        // And the absent optional fields are left out rather than written as null
        assertThat(json.propertyNames())
                .containsExactlyInAnyOrder(
                        "eventId", "occurredAt", "version", "symbol", "price", "source", "observedAt");
        assertThat(text).doesNotContain("null");
    }

    @Test
    void writesIntervalsAsIsoDurationsAndBarsWithPlainNumbers() {
        // Given an analytics update of a one-minute bar, with a large volume and a long average
        AnalyticsUpdated update = EventSamples.analytics(Duration.ofMinutes(1));

        // When it is written
        JsonNode json = jsonOf(update);

        // Then the interval is an ISO-8601 duration, the trading date an ISO date, the numbers JSON numbers
        assertThat(json.get("interval").asString()).isEqualTo("PT1M");
        assertThat(jsonOf(EventSamples.analytics(Duration.ofDays(1)))
                        .get("interval")
                        .asString())
                .isEqualTo("PT24H");
        JsonNode bar = json.get("bar");
        assertThat(bar.get("tradingDate").asString()).isEqualTo("2026-11-25");
        assertThat(bar.get("windowStart").asString()).isEqualTo("2026-11-25T15:29:00Z");
        assertThat(bar.get("close").isNumber()).isTrue();
        assertThat(bar.get("volume").isIntegralNumber()).isTrue();
        assertThat(json.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(json.get("signal").asString()).isEqualTo("BULLISH");
    }

    @Test
    void aTypedSerdeReadsItsTypeFromATopicThatTopicsDoesNotKnow() {
        // Given the serde of stock-prices, as a Kafka Streams topology uses it
        Serde<PriceTick> serde = EventSerdes.of(Topics.STOCK_PRICES);
        PriceTick tick = EventSamples.tick();

        // When a tick goes through an internal repartition topic
        byte[] bytes = serde.serializer().serialize("analytics-repartition", tick);
        PriceTick read = serde.deserializer().deserialize("analytics-repartition", bytes);

        // Then it is read as a tick all the same
        assertThat(read).isEqualTo(tick);
    }

    @Test
    void passesRawBytesAndTombstonesThroughTheSerializer() {
        // Given a record that could not be read, as it arrived, and a tombstone
        byte[] raw = "{\"eventId\":".getBytes(StandardCharsets.UTF_8);
        JsonEventSerializer<Object> serializer = new JsonEventSerializer<>();

        // When they are written, as a dead-letter producer and a rule deletion do
        // Then the raw bytes go out unchanged and the tombstone stays null
        assertThat(serializer.serialize("stock-prices.DLT", raw)).isSameAs(raw);
        assertThat(serializer.serialize("alert-rules", null)).isNull();
    }
}
