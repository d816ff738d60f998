package org.stockalerts.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Holding;
import org.stockalerts.common.event.Symbol;

class ValuationTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");
    private static final Instant AT = Instant.parse("2026-01-02T15:30:00Z");

    @Test
    void valuesAHoldingAgainstItsCostAndThePreviousClose() {
        // Given 4 shares bought at 50.25, now at 60.10 after a close of 58
        Holding holding = new Holding(AAPL, new BigDecimal("4"), new BigDecimal("50.25"));
        LatestPrice quote = new LatestPrice(AAPL, new BigDecimal("60.10"), AT, new BigDecimal("58"));

        // When it is valued
        Valuation.HoldingValue value = Valuation.of(holding, new BigDecimal("70"), List.of(), quote, null);

        // Then market value, cost, P&L and day change follow exactly
        assertThat(value.marketValue()).isEqualByComparingTo("240.40");
        assertThat(value.costBasis()).isEqualByComparingTo("201.00");
        assertThat(value.unrealizedPnl()).isEqualByComparingTo("39.40");
        assertThat(value.unrealizedPnlPercent()).isEqualByComparingTo("19.6020");
        assertThat(value.dayChange()).isEqualByComparingTo("8.40");
        assertThat(value.dayChangePercent()).isEqualByComparingTo("3.6207");
        assertThat(value.thresholdPrice()).isEqualByComparingTo("70");
        assertThat(value.priceTime()).isEqualTo(AT);
        assertThat(value.reason()).isNull();
    }

    @Test
    void leavesTheDayChangeUnknownWithoutAPreviousClose() {
        // Given a quote without previous close
        LatestPrice quote = new LatestPrice(AAPL, new BigDecimal("11"), AT, null);

        // When one share bought at 10 is valued, alone and in total
        Valuation.HoldingValue value = oneAaplBoughtAtTen(quote, null);
        Valuation.Totals totals = Valuation.totals(List.of(value));

        // Then value and P&L are known, the day change is not, and the totals say why
        assertThat(value.marketValue()).isEqualByComparingTo("11");
        assertThat(value.dayChange()).isNull();
        assertThat(totals.marketValue()).isEqualByComparingTo("11");
        assertThat(totals.dayChange()).isNull();
        assertThat(totals.reason()).isNotNull();
    }

    @Test
    void givesNullValuesAndTheReasonWhenNoPriceIsKnown() {
        // Given one priced and one unpriced holding
        Valuation.HoldingValue priced = oneAaplBoughtAtTen(new LatestPrice(AAPL, BigDecimal.TEN, AT, null), null);
        Valuation.HoldingValue unpriced =
                Valuation.of(new Holding(MSFT, new BigDecimal("2"), new BigDecimal("5")), null, List.of(), null, null);

        // When the totals are taken
        Valuation.Totals totals = Valuation.totals(List.of(priced, unpriced));

        // Then the unpriced holding and the totals have no value but a reason, and the cost basis adds up
        assertThat(unpriced.marketValue()).isNull();
        assertThat(unpriced.reason()).isEqualTo(Valuation.NO_PRICE_YET);
        assertThat(totals.marketValue()).isNull();
        assertThat(totals.costBasis()).isEqualByComparingTo("20");
        assertThat(totals.reason()).contains("MSFT");
    }

    @Test
    void showsAWatchEntryAsWatchedWithItsPriceAndLeavesItOutOfTheTotals() {
        // Given a position in AAPL and a watch entry on MSFT at two thresholds, both priced
        Valuation.HoldingValue position =
                oneAaplBoughtAtTen(new LatestPrice(AAPL, new BigDecimal("12"), AT, new BigDecimal("11")), null);
        Valuation.HoldingValue watched = Valuation.watched(
                MSFT,
                new BigDecimal("160"),
                List.of(new BigDecimal("150"), new BigDecimal("160")),
                new LatestPrice(MSFT, new BigDecimal("110"), AT, new BigDecimal("100")),
                null);

        // When the totals are taken
        Valuation.Totals totals = Valuation.totals(List.of(position, watched));

        // Then the watch entry has its price and thresholds but no quantity, value, cost or P&L
        assertThat(watched.watched()).isTrue();
        assertThat(watched.lastPrice()).isEqualByComparingTo("110");
        assertThat(watched.dayChangePercent()).isEqualByComparingTo("10");
        assertThat(watched.thresholds()).containsExactly(new BigDecimal("150"), new BigDecimal("160"));
        assertThat(watched.quantity()).isNull();
        assertThat(watched.marketValue()).isNull();
        assertThat(watched.costBasis()).isNull();
        assertThat(watched.unrealizedPnl()).isNull();
        assertThat(watched.dayChange()).isNull();
        assertThat(watched.reason()).isNull();
        // And the totals are the position's alone, complete
        assertThat(totals.marketValue()).isEqualByComparingTo("12");
        assertThat(totals.costBasis()).isEqualByComparingTo("10");
        assertThat(totals.dayChange()).isEqualByComparingTo("1");
        assertThat(totals.reason()).isNull();
    }

    @Test
    void namesTheUnavailablePriceHistoryAsTheReason() {
        // When a holding is valued while the price history cannot be read
        Valuation.HoldingValue value = oneAaplBoughtAtTen(null, LatestPrices.HISTORY_UNAVAILABLE);

        // Then that is the reason given
        assertThat(value.reason()).isEqualTo(LatestPrices.HISTORY_UNAVAILABLE);
    }

    @Test
    void leavesThePercentUnknownForAFreeHolding() {
        // When a holding acquired at no cost is valued
        Valuation.HoldingValue value = Valuation.of(
                new Holding(AAPL, BigDecimal.ONE, BigDecimal.ZERO),
                null,
                List.of(),
                new LatestPrice(AAPL, BigDecimal.TEN, AT, null),
                null);

        // Then the P&L is its whole value and no percent is invented
        assertThat(value.unrealizedPnl()).isEqualByComparingTo("10");
        assertThat(value.unrealizedPnlPercent()).isNull();
    }

    /** One AAPL share bought at 10, without thresholds, valued at {@code quote} (null: no price known) or left with {@code unavailableReason}. */
    private static Valuation.HoldingValue oneAaplBoughtAtTen(LatestPrice quote, String unavailableReason) {
        return Valuation.of(
                new Holding(AAPL, BigDecimal.ONE, BigDecimal.TEN), null, List.of(), quote, unavailableReason);
    }
}
