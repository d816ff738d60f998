package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockalerts.common.event.Symbol;

/**
 * Records that cannot be read are refused with a {@link MalformedEventException} whose message
 * names the topic (and, once placed, the partition and offset) and says what is wrong.
 */
class MalformedEventTest {

    private static final String TICK_TEMPLATE = """
            {"eventId":"00000000-0000-7000-8000-000000000001","occurredAt":"2026-11-25T15:30:00Z",
             "symbol":"%s",%s"source":"simulated","observedAt":"2026-11-25T15:29:59Z"}""";

    private final JsonEventDeserializer<Object> deserializer = new JsonEventDeserializer<>();

    private static byte[] tick(String symbol, String priceField) {
        return TICK_TEMPLATE.formatted(symbol, priceField).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code value} from {@code topic}, expecting a refusal; checks that the message, bare and
     * placed at partition 3 offset 17, names the topic and carries the reason.
     */
    private MalformedEventException refusal(String topic, byte[] value) {
        MalformedEventException refusal =
                catchThrowableOfType(MalformedEventException.class, () -> deserializer.deserialize(topic, value));
        assertThat(refusal).as("refusal of a record on %s", topic).isNotNull();
        assertThat(refusal.topic()).isEqualTo(topic);
        assertThat(refusal).hasMessage("malformed record on " + topic + ": " + refusal.reason());
        assertThat(refusal.at(3, 17))
                .hasMessage("malformed record on " + topic + " partition 3 offset 17: " + refusal.reason());
        return refusal;
    }

    static Stream<Arguments> recordsAndTheirReasons() {
        return Stream.of(
                arguments(named("an empty (not null) value", new byte[0]), "user-events", "empty record value"),
                arguments(
                        named("a tick with a negative price", tick("AAPL", "\"price\":-1.50,")),
                        "stock-prices",
                        "field 'price' must be positive, was -1.50"),
                arguments(
                        named("a tick whose symbol has a space inside", tick("BRK B", "\"price\":1,")),
                        "stock-prices",
                        catchThrowable(() -> Symbol.of("BRK B")).getMessage()),
                arguments(
                        named("a good tick on a topic that is not one of ours", tick("AAPL", "\"price\":1,")),
                        "somebody-elses-topic",
                        "no event type is declared for this topic"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("recordsAndTheirReasons")
    void refusesARecordSayingWhatIsWrong(byte[] value, String topic, String reason) {
        // Given a record that cannot be an event of its topic

        // When it is read from that topic
        MalformedEventException refusal = refusal(topic, value);

        // Then the reason says what is wrong, naming the field, the value or the topic's missing type
        assertThat(refusal.reason()).isEqualTo(reason);
    }

    @Test
    void refusesMalformedJson() {
        // Given a record cut off in the middle
        byte[] value = utf8("{\"eventId\":");

        // When it is read from stock-prices
        MalformedEventException refusal = refusal("stock-prices", value);

        // Then the reason says the JSON is incomplete
        assertThat(refusal.reason()).startsWith("not a valid PriceTick: Unexpected end-of-input");
    }

    @Test
    void refusesAPriceThatIsNotANumberNamingTheField() {
        // Given a tick whose price is "abc"
        byte[] value = tick("AAPL", "\"price\":\"abc\",");

        // When it is read from stock-prices
        MalformedEventException refusal = refusal("stock-prices", value);

        // Then the reason names the field and the bad value
        assertThat(refusal.reason())
                .startsWith("not a valid PriceTick at PriceTick[\"price\"]: ")
                .contains("BigDecimal")
                .contains("\"abc\"");
    }

    @Test
    void refusesAWrongTypeInsideANestedRecordNamingThePath() {
        // Given a rule change whose rule has a threshold of "x"
        byte[] value = utf8("""
                {"eventId":"00000000-0000-7000-8000-000000000001","occurredAt":"2026-11-25T15:30:00Z",
                 "rule":{"ruleId":"00000000-0000-7000-8000-000000000002","userId":"00000000-0000-7000-8000-000000000003",
                         "symbol":"AAPL","condition":"PRICE_ABOVE","threshold":"x","triggerMode":"ONCE","status":"ACTIVE"}}""");

        // When it is read from alert-rules
        MalformedEventException refusal = refusal("alert-rules", value);

        // Then the reason gives the short path to the field
        assertThat(refusal.reason())
                .startsWith("not a valid AlertRuleChanged at AlertRuleChanged[\"rule\"]->AlertRule[\"threshold\"]: ");
    }

    @Test
    void refusesATickWithoutAPrice() {
        // Given a tick without its price
        byte[] value = tick("AAPL", "");

        // When it is read from stock-prices
        MalformedEventException refusal = refusal("stock-prices", value);

        // Then the message says which required field is missing, and where, once placed
        assertThat(refusal).hasMessage("malformed record on stock-prices: missing required field 'price'");
        assertThat(refusal.at(3, 17))
                .hasMessage("malformed record on stock-prices partition 3 offset 17: missing required field 'price'");
    }

    @Test
    void refusesAUserEventWithoutOrWithAnUnknownType() {
        // Given user events without a type and with a type nobody declared
        String body = """
                "eventId":"00000000-0000-7000-8000-000000000001","occurredAt":"2026-11-25T15:30:00Z",
                "userId":"00000000-0000-7000-8000-000000000002"}""";

        // When they are read from user-events
        MalformedEventException untyped = refusal("user-events", utf8("{" + body));
        MalformedEventException unknown = refusal("user-events", utf8("{\"type\":\"UserExploded\"," + body));

        // Then the reasons name the missing or unknown type
        assertThat(untyped.reason()).startsWith("not a valid UserEvent").contains("missing type id property 'type'");
        assertThat(unknown.reason()).contains("'UserExploded'").contains("UserDeleted");
    }

    @Test
    void readsATombstoneAsNull() {
        // Given a tombstone, as a rule deletion on alert-rules
        byte[] tombstone = null;

        // When it is read
        Object read = deserializer.deserialize("alert-rules", tombstone);

        // Then it is null, not a failure
        assertThat(read).isNull();
    }

    @Test
    void placingARefusalKeepsItsTopicReasonAndCause() {
        // Given a refusal that does not yet know where the record was
        IllegalStateException cause = new IllegalStateException("boom");
        MalformedEventException refusal = new MalformedEventException("stock-prices", "bad record", cause);

        // When it is placed at partition 3 offset 17
        MalformedEventException placed = refusal.at(3, 17);

        // Then the placed copy knows where, and still knows what and why
        assertThat(refusal.partition()).isEqualTo((int) MalformedEventException.UNKNOWN);
        assertThat(refusal.offset()).isEqualTo(MalformedEventException.UNKNOWN);
        assertThat(placed.partition()).isEqualTo(3);
        assertThat(placed.offset()).isEqualTo(17);
        assertThat(placed.topic()).isEqualTo("stock-prices");
        assertThat(placed.reason()).isEqualTo("bad record");
        assertThat(placed)
                .hasCause(cause)
                .hasMessage("malformed record on stock-prices partition 3 offset 17: bad record");
    }
}
