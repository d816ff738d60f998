package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantDeserializerTest {

    private record Stamped(Instant at) {}

    @Property(tries = 500)
    void theFastPathReadsWhatIsoInstantWrites(
            @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long epochSecond,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(epochSecond, nanos);

        assertThat(IsoInstantDeserializer.parseUtc(instant.toString())).isEqualTo(instant);
        assertThat(EventJson.read(EventJson.write(new Stamped(instant)), Stamped.class, "t")
                        .at())
                .isEqualTo(instant);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-02T14:30:00.1Z",
                "2026-03-02T14:30:00.12345Z",
                "2026-02-28T23:59:59.999999999Z",
                "2024-02-29T00:00:00Z"
            })
    void everyFractionLengthIsRead(String text) {
        assertThat(IsoInstantDeserializer.parseUtc(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-03-02T24:00:00Z",
                "2026-03-02T14:60:00Z",
                "2026-03-02T14:30:00+01:00",
                "2026-03-02T14:30:00.Z",
                "2026-03-02T14:30:00.1234567890Z",
                "2026-03-02 14:30:00Z",
                "+12026-03-02T14:30:00Z",
                "2026-03-0xT14:30:00Z"
            })
    void otherFormsAreLeftToTheGeneralParser(String text) {
        assertThat(IsoInstantDeserializer.parseUtc(text)).isNull();
    }

    @Test
    void otherValidFormsStillReadThroughTheGeneralParser() {
        assertThat(read("\"2026-03-02T15:30:00+01:00\"")).isEqualTo(Instant.parse("2026-03-02T14:30:00Z"));
        assertThat(read("1772461800")).isEqualTo(Instant.parse("2026-03-02T14:30:00Z"));
    }

    @Test
    void anInvalidInstantIsStillAMalformedEvent() {
        assertThatThrownBy(() -> read("\"2026-02-30T10:00:00Z\""))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("at");
    }

    private static Instant read(String json) {
        return EventJson.read("{\"at\":" + json + "}", Stamped.class, "t").at();
    }
}
