package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.rules.SymbolState;

class SymbolStateSerdeTest {

    private final Serde<SymbolState> serde = SymbolStateSerde.create();

    @Test
    void anEmptyStateRoundTrips() {
        assertThat(roundTrip(SymbolState.EMPTY)).isEqualTo(SymbolState.EMPTY);
    }

    @Test
    void aFullStateRoundTripsWithScalesKept() {
        TreeMap<Long, BigDecimal> closes = new TreeMap<>();
        closes.put(29_532_000L, new BigDecimal("101.50"));
        closes.put(29_532_001L, new BigDecimal("1E+3"));
        closes.put(29_532_002L, new BigDecimal("123456789012345678901234567890.123456789"));
        SymbolState state = new SymbolState(
                new BigDecimal("187.2300"),
                Instant.parse("2026-03-02T14:30:00.123456789Z"),
                UUID.fromString("0190f0a4-7b3c-7def-8123-456789abcdef"),
                closes,
                Instant.parse("2026-03-02T14:29:00Z"));

        SymbolState back = roundTrip(state);

        assertThat(back).isEqualTo(state);
        assertThat(back.lastPrice().scale()).isEqualTo(4);
        assertThat(back.minuteCloses().get(29_532_001L).scale()).isEqualTo(-3);
    }

    @Property(tries = 200)
    void pricesOfAnySizeRoundTrip(
            @ForAll long unscaled, @ForAll @LongRange(min = -20, max = 20) long scale, @ForAll long epochSecond) {
        BigDecimal price = BigDecimal.valueOf(unscaled, (int) scale).multiply(BigDecimal.valueOf(unscaled));
        Instant at = Instant.ofEpochSecond(epochSecond % 10_000_000_000L);
        TreeMap<Long, BigDecimal> closes = new TreeMap<>();
        closes.put(epochSecond, price);
        SymbolState state = new SymbolState(price, at, null, closes, null);

        assertThat(roundTrip(state)).isEqualTo(state);
    }

    @Test
    void theJsonFormOfEarlierVersionsIsStillRead() {
        SymbolState state = new SymbolState(
                new BigDecimal("99.99"),
                Instant.parse("2026-03-02T14:30:00Z"),
                UUID.randomUUID(),
                new TreeMap<>(),
                null);

        assertThat(serde.deserializer().deserialize("changelog", EventJson.write(state)))
                .isEqualTo(state);
    }

    @Test
    void aTruncatedOrForeignValueIsASerializationError() {
        byte[] bytes = serde.serializer()
                .serialize("changelog", new SymbolState(BigDecimal.TEN, Instant.EPOCH, null, new TreeMap<>(), null));

        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }

    private SymbolState roundTrip(SymbolState state) {
        return serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", state));
    }
}
