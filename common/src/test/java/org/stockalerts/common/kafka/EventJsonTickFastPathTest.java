package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.fixtures.TickDraft;

class EventJsonTickFastPathTest {

    private final PriceTickDeserializer reader = new PriceTickDeserializer();

    @Property(tries = 500)
    void readsEveryWrittenTickAsTheGeneralMappingDoes(@ForAll("ticks") PriceTick tick) {
        byte[] json = EventJson.write(tick);

        PriceTick fast = reader.readCanonical(json);
        PriceTick general = EventJson.mapper().readValue(json, PriceTick.class);

        assertThat(fast).isEqualTo(general);
        assertThat(fast.price().scale()).isEqualTo(general.price().scale());
        assertThat(fast.price()).isEqualByComparingTo(tick.price());
        assertThat(fast.eventId()).isEqualTo(tick.eventId());
    }

    private static final String EVENT_ID = "\"eventId\":\"0190f0a4-7b3c-7def-8123-456789abcdef\"";

    /** Forms the fast path leaves alone; null where the general mapping reads a tick. */
    static Stream<Arguments> otherForms() {
        return Stream.of(
                Arguments.of(
                        "{" + EVENT_ID
                                + ",\"occurredAt\":\"2026-03-02T14:30:00Z\",\"symbol\":\"aapl\",\"price\":\"187.2\","
                                + "\"source\":\"simulated\",\"observedAt\":\"2026-03-02T14:30:00Z\"}",
                        null),
                Arguments.of(
                        "{" + EVENT_ID
                                + ",\"occurredAt\":\"2026-03-02T15:30:00+01:00\",\"symbol\":\"AAPL\",\"price\":187.2,"
                                + "\"source\":\"simulated\",\"observedAt\":\"2026-03-02T14:30:00Z\"}",
                        null),
                Arguments.of(
                        "{" + EVENT_ID + ",\"occurredAt\":\"2026-03-02T14:30:00Z\",\"symbol\":\"AAPL\",\"price\":-1,"
                                + "\"source\":\"simulated\",\"observedAt\":\"2026-03-02T14:30:00Z\"}",
                        "field 'price' must be positive, was -1"),
                Arguments.of(
                        "{" + EVENT_ID + ",\"symbol\":\"AAPL\",\"price\":1}", "missing required field 'occurredAt'"),
                Arguments.of(
                        "{" + EVENT_ID + ",\"occurredAt\":\"2026-03-02T14:30:00Z\",\"symbol\":\"AAPL\",\"price\":1,"
                                + "\"source\":\"simulated\",\"observedAt\":\"2026-03-02T14:30:00Z\"} {}",
                        "Trailing token"),
                Arguments.of(
                        "{" + EVENT_ID + ",\"occurredAt\":\"2026-03-02T14:30:00Z\",\"symbol\":\"AAPL\",\"price\":1,"
                                + "\"version\":4294967296,\"source\":\"simulated\",\"observedAt\":\"2026-03-02T14:30:00Z\"}",
                        "Numeric value (4294967296) out of range of `int`"),
                Arguments.of("[1,2]", "from Array value"),
                Arguments.of("not json", "Unrecognized token 'not'"));
    }

    @ParameterizedTest
    @MethodSource("otherForms")
    void leavesEveryOtherFormToTheGeneralMapping(String json, String refusal) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(reader.readCanonical(bytes)).isNull();
        if (refusal == null) {
            assertThat(EventJson.read(bytes, PriceTick.class, "stock-prices"))
                    .isEqualTo(EventJson.mapper().readValue(bytes, PriceTick.class));
        } else {
            assertThatThrownBy(() -> EventJson.read(bytes, PriceTick.class, "stock-prices"))
                    .isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining(refusal);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"eventId\":\"0190f0a4-7b3c-7def-8123-456789abcdef\",\"occurredAt\":\"2026-03-02T14:30:00.5Z\","
                        + "\"symbol\":\"BRK.B\",\"price\":1E+3,\"volume\":null,\"extra\":{\"a\":[1,{}]},"
                        + "\"source\":\"replay\",\"observedAt\":\"2026-03-02T14:30:00Z\"}",
                "{\"observedAt\":\"2026-03-02T14:30:00Z\",\"source\":\"alphavantage\",\"price\":42,\"symbol\":\"X\","
                        + "\"version\":1,\"occurredAt\":\"2026-03-02T14:30:01Z\","
                        + "\"eventId\":\"0190f0a4-7b3c-7def-8123-456789abcdef\"}"
            })
    void readsOtherFieldOrdersUnknownFieldsAndNullsLikeTheGeneralMapping(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(reader.readCanonical(bytes))
                .isNotNull()
                .isEqualTo(EventJson.mapper().readValue(bytes, PriceTick.class));
    }

    @Provide
    Arbitrary<PriceTick> ticks() {
        Arbitrary<BigDecimal> prices = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.0001"), new BigDecimal("100000"))
                .ofScale(4)
                .map(BigDecimal::stripTrailingZeros);
        Arbitrary<BigDecimal> optional = prices.injectNull(0.3);
        Arbitrary<Instant> instants =
                Arbitraries.longs().between(0, 4_000_000_000L).map(ms -> Instant.ofEpochMilli(ms * 7));
        return Combinators.combine(
                        Combinators.combine(
                                        instants,
                                        Arbitraries.strings()
                                                .withCharRange('A', 'Z')
                                                .ofMinLength(1)
                                                .ofMaxLength(5),
                                        prices,
                                        Arbitraries.longs()
                                                .between(0, Long.MAX_VALUE)
                                                .injectNull(0.3))
                                .as((at, symbol, price, volume) -> new Object[] {at, symbol, price, volume}),
                        optional,
                        optional,
                        Arbitraries.of(TickSource.class),
                        instants)
                .as((first, open, close, source, observedAt) -> {
                    TickDraft tick = TickDraft.tick().on((String) first[1]);
                    tick.occurredAt = (Instant) first[0];
                    tick.price = (BigDecimal) first[2];
                    tick.volume = (Long) first[3];
                    tick.dayOpen = open;
                    tick.dayLow = open;
                    tick.previousClose = close;
                    tick.source = source;
                    tick.observedAt = observedAt;
                    return tick.build();
                });
    }
}
