package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.FeedStatusChanged.PricePoint;
import org.stockalerts.common.event.Symbol;

/** The prices a gap hid, from bars and from the day range (docs/market-data.md, "When data returns"). */
class CatchUpPricesTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Instant AFTER = Instant.parse("2026-03-02T15:00:30Z");
    private static final Instant BEFORE = Instant.parse("2026-03-02T15:03:00Z");

    @Test
    void aBarAtEitherEdgeOfTheGapIsLeftOutAndOneEndingAtItsEndIsKept() {
        // Given the bar the gap began in (its spike traded live before it), one inside, and one ending as it ends
        List<IntradayBar> bars = List.of(
                bar("2026-03-02T15:00:00Z", "100", "150", "99", "101"),
                bar("2026-03-02T15:01:00Z", "101", "103", "100", "102"),
                bar("2026-03-02T15:02:00Z", "102", "104", "98", "99"));

        // When the catch-up of the gap is built from them
        List<PricePoint> points = CatchUpPrices.fromBars(bars, AFTER, BEFORE);

        // Then the spike of the edge bar is not in it
        assertThat(points).extracting(PricePoint::price).containsExactly(bd("100"), bd("103"), bd("104"), bd("98"));
        assertThat(points.getLast().at()).isBefore(BEFORE);
    }

    @Test
    void theBarOfTheResumingMinuteIsLeftOut() {
        // Given only the bar of the minute the feed resumed in, with trades after the resuming quote
        List<IntradayBar> bars = List.of(bar("2026-03-02T15:02:30Z", "100", "150", "50", "100"));

        // When the catch-up of a gap ending in that minute is built
        List<PricePoint> points = CatchUpPrices.fromBars(bars, AFTER, BEFORE);

        // Then it is empty
        assertThat(points).isEmpty();
    }

    @Test
    void aDayLowOfZeroIsLeftOut() {
        // Given a last quote with a day low of 99, and a resuming one with a new high and a low of 0 (a provider's
        // "none")
        Quote before = dayQuote("100", "101", "99", AFTER);
        Quote resumed = dayQuote("104", "105", "0", BEFORE);

        // When the catch-up of the day range is built
        List<PricePoint> points = CatchUpPrices.fromDayRange(before, resumed);

        // Then it holds the high alone
        assertThat(points).extracting(PricePoint::price).containsExactly(bd("105"));
    }

    private static Quote dayQuote(String price, String high, String low, Instant at) {
        return new Quote(
                AAPL, bd(price), bd("100"), bd(high), bd(low), 1L, bd("100"), null, null, LocalDate.of(2026, 3, 2), at);
    }

    private static IntradayBar bar(String start, String open, String high, String low, String close) {
        Instant at = Instant.parse(start);
        return new IntradayBar(at, at.plus(Duration.ofMinutes(1)), bd(open), bd(high), bd(low), bd(close));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
