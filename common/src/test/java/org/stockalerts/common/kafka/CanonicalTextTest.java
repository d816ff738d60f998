package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalTextTest {

    /** 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, the years written with four digits. */
    private static final long FIRST_SECOND = -62_167_219_200L;

    private static final long LAST_SECOND = 253_402_300_799L;

    @Property(tries = 2_000)
    void readsEveryInstantAsInstantParseDoes(
            @ForAll @LongRange(min = FIRST_SECOND, max = LAST_SECOND) long second,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = 0, max = 3) int precision) {
        // Given an instant with no, milli-, micro- or nanosecond precision, written as producers write it
        int kept = new int[] {0, 1_000_000, 1_000, 1}[precision];
        Instant instant = Instant.ofEpochSecond(second, kept == 0 ? 0 : nanos / kept * kept);
        String text = instant.toString();

        // When it is read from its characters
        Instant read = instant(text);

        // Then it is the same instant
        assertThat(read).as(text).isEqualTo(instant);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-02-29T12:00:00Z",
                "2000-02-29T00:00:00.5Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z",
                "2026-11-25T15:30:00.12Z"
            })
    void readsValidDatesAroundLeapYearsAndTheEpoch(String text) {
        assertThat(instant(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-29T12:00:00Z",
                "1900-02-29T12:00:00Z",
                "2026-04-31T12:00:00Z",
                "2026-13-01T12:00:00Z",
                "2026-00-01T12:00:00Z",
                "2026-11-25T24:00:00Z",
                "2026-11-25T23:60:00Z",
                "2026-11-25T23:59:60Z",
                "2026-11-25T15:30:00.Z",
                "2026-11-25T15:30:00.1234567890Z",
                "2026-11-25T15:30:00+00:00",
                "2026-11-25T15:30:00z",
                "2026-11-25 15:30:00Z",
                "+10000-01-01T00:00:00Z",
                "2026-11-2515:30:00Z",
                "2026-1-25T15:30:00Z",
                " 2026-11-25T15:30:00Z",
                "2026-11-25T15:30Z",
                "2026-11-25T15:3a:00Z",
                "1762522200"
            })
    void leavesEveryOtherInstantTextToTheGeneralReader(String text) {
        assertThat(instant(text)).as(text).isNull();
    }

    @Property(tries = 500)
    void readsUuidsInEitherCase(@ForAll long high, @ForAll long low, @ForAll boolean upperCase) {
        UUID uuid = new UUID(high, low);
        String text = upperCase ? uuid.toString().toUpperCase(Locale.ROOT) : uuid.toString();

        assertThat(uuid(text)).isEqualTo(uuid);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-a-uuid",
                "0000000-0000-7000-8000-0000000000011",
                "00000000_0000-7000-8000-000000000001",
                "00000000-0000-7000-8000-00000000000g",
                "00000000-0000-7000-8000-00000000000",
                "1-2-3-4-5",
                "AAAAAAAAAAAAAAAAAAAAAA=="
            })
    void leavesEveryOtherUuidTextToTheGeneralReader(String text) {
        assertThat(uuid(text)).as(text).isNull();
    }

    @Property(tries = 2_000)
    void readsPlainDecimalsAsBigDecimalDoesKeepingTheScale(
            @ForAll @LongRange(min = -999_999_999_999_999_999L, max = 999_999_999_999_999_999L) long unscaled,
            @ForAll @IntRange(min = 0, max = 18) int scale) {
        // Given a plain decimal of up to 18 digits, as JSON writes it
        String text = new BigDecimal(BigInteger.valueOf(unscaled), scale).toPlainString();

        // When it is read from its characters
        BigDecimal read = decimal(text);

        // Then it has the value and the scale BigDecimal reads, or is left to it past 18 digits
        if (text.chars().filter(Character::isDigit).count() > 18) {
            assertThat(read).as(text).isNull();
        } else {
            assertThat(read).as(text).isEqualTo(new BigDecimal(text));
            assertThat(read.scale()).isEqualTo(new BigDecimal(text).scale());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e5",
                "1E+5",
                "-1.5e-3",
                "1234567890123456789",
                "0.1234567890123456789",
                ".5",
                "5.",
                "-",
                "--1",
                "+1",
                ""
            })
    void leavesEveryOtherNumberTextToTheGeneralReader(String text) {
        assertThat(decimal(text)).as(text).isNull();
    }

    private static BigDecimal decimal(String text) {
        char[] padded = ("xx" + text + "yy").toCharArray();
        return CanonicalText.decimal(padded, 2, text.length());
    }

    private static Instant instant(String text) {
        char[] padded = ("xx" + text + "yy").toCharArray();
        return CanonicalText.instant(padded, 2, text.length());
    }

    private static UUID uuid(String text) {
        char[] padded = ("xx" + text + "yy").toCharArray();
        return CanonicalText.uuid(padded, 2, text.length());
    }
}
