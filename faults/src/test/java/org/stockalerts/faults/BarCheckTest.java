package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Bar;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;

class BarCheckTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Instant FIRST = Instant.parse("2026-12-03T15:00:00Z");
    // AAPL's partition reached 15:06:00.5: its bars ending by 15:05:59.5 are settled
    private static final ExpectedBars ORACLE = new ExpectedBars(
            Map.of(key(FIRST), bar(FIRST, "99.00"), key(FIRST.plusSeconds(60)), bar(FIRST.plusSeconds(60), "101.00")),
            Map.of(AAPL, Instant.parse("2026-12-03T15:05:59.500Z")));

    @Test
    void aSinkWithEveryBarEqualIsExact() {
        BarCheck check = BarCheck.of("bars", ORACLE, ORACLE.bars());

        assertThat(check).isEqualTo(new BarCheck("bars", 2, 0, 0, 0));
        assertThat(check.exact()).isTrue();
    }

    @Test
    void aBarTheSinkLacksIsMissingAndOneWithOtherValuesIsDifferent() {
        BarCheck check = BarCheck.of("bars", ORACLE, Map.of(key(FIRST), bar(FIRST, "99.50")));

        assertThat(check).isEqualTo(new BarCheck("bars", 2, 1, 1, 0));
        assertThat(check.exact()).isFalse();
    }

    @Test
    void decimalsAreComparedByValueNotByScale() {
        BarCheck check = BarCheck.of(
                "bars",
                ORACLE,
                Map.of(
                        key(FIRST),
                        bar(FIRST, "99.00000000"),
                        key(FIRST.plusSeconds(60)),
                        bar(FIRST.plusSeconds(60), "101")));

        assertThat(check.exact()).isTrue();
    }

    @Test
    void aSettledBarTheOracleHasNotIsUnexpected() {
        Instant third = FIRST.plusSeconds(120);
        BarCheck check = BarCheck.of("bars", ORACLE, Map.of(key(third), bar(third, "100.00")));

        assertThat(check.unexpected()).isEqualTo(1);
    }

    @Test
    void aBarEndingWithinTheLastCloseCheckIntervalIsLeftOut() {
        Instant last = FIRST.plusSeconds(330);
        ExpectedBars oracle = new ExpectedBars(Map.of(key(last), bar(last, "100.00")), ORACLE.settledUntil());

        assertThat(BarCheck.of("bars", oracle, Map.of())).isEqualTo(new BarCheck("bars", 0, 0, 0, 0));
        assertThat(BarCheck.of("bars", ORACLE, Map.of(key(last), bar(last, "100.00")))
                        .unexpected())
                .isZero();
    }

    private static BarOutcome.Key key(Instant start) {
        return new BarOutcome.Key(AAPL, Duration.ofMinutes(1), start);
    }

    private static BarOutcome bar(Instant start, String close) {
        BigDecimal price = new BigDecimal(close);
        return new BarOutcome(
                new Bar(
                        start,
                        start.plusSeconds(60),
                        LocalDate.of(2026, 12, 3),
                        price,
                        price,
                        price,
                        price,
                        0,
                        3,
                        price),
                null,
                null,
                Signal.NEUTRAL,
                null);
    }
}
