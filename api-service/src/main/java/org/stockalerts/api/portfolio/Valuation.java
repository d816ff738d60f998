package org.stockalerts.api.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.stockalerts.common.event.Holding;
import org.stockalerts.common.event.Symbol;

/**
 * Values holdings at their latest prices: market value, cost basis, unrealized P&amp;L (absolute and
 * percent) and day change (against the previous close). A holding without a price gets nulls and
 * the reason; so do the totals, which need every position priced (the cost basis always adds up).
 * A watch entry is shown as watched, with its price but no value, cost or P&amp;L, and is left out
 * of the totals.
 */
final class Valuation {

    /** Reason for a holding whose symbol has no stored tick yet. */
    static final String NO_PRICE_YET = "no price seen yet";

    private static final int MONEY_SCALE = 8;
    private static final int PERCENT_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Valuation() {}

    /**
     * The value of one holding.
     *
     * @param thresholdPrice the latest threshold given for the holding
     * @param thresholds the thresholds of all its price-at-or-above rules, ascending
     * @param watched whether it is a watch entry (no quantity, no cost, no value)
     */
    record HoldingValue(
            Symbol symbol,
            BigDecimal quantity,
            BigDecimal averageCost,
            BigDecimal thresholdPrice,
            BigDecimal lastPrice,
            Instant priceTime,
            BigDecimal marketValue,
            BigDecimal costBasis,
            BigDecimal unrealizedPnl,
            BigDecimal unrealizedPnlPercent,
            BigDecimal dayChange,
            BigDecimal dayChangePercent,
            String reason,
            List<BigDecimal> thresholds,
            boolean watched) {}

    /** The totals over all holdings. */
    record Totals(
            BigDecimal marketValue,
            BigDecimal costBasis,
            BigDecimal unrealizedPnl,
            BigDecimal unrealizedPnlPercent,
            BigDecimal dayChange,
            String reason) {}

    /** A watch entry: its price and day change per share, when known, and nothing held. */
    static HoldingValue watched(
            Symbol symbol,
            BigDecimal thresholdPrice,
            List<BigDecimal> thresholds,
            LatestPrice quote,
            String unavailableReason) {
        return new HoldingValue(
                symbol,
                null,
                null,
                thresholdPrice,
                quote == null ? null : quote.price(),
                quote == null ? null : quote.observedAt(),
                null,
                null,
                null,
                null,
                null,
                quote == null || quote.previousClose() == null
                        ? null
                        : percent(quote.price().subtract(quote.previousClose()), quote.previousClose()),
                quote == null ? reasonWithoutPrice(unavailableReason) : null,
                List.copyOf(thresholds),
                true);
    }

    static HoldingValue of(
            Holding holding,
            BigDecimal thresholdPrice,
            List<BigDecimal> thresholds,
            LatestPrice quote,
            String unavailableReason) {
        BigDecimal costBasis = money(holding.quantity().multiply(holding.averageCost()));
        if (quote == null) {
            return new HoldingValue(
                    holding.symbol(),
                    holding.quantity(),
                    holding.averageCost(),
                    thresholdPrice,
                    null,
                    null,
                    null,
                    costBasis,
                    null,
                    null,
                    null,
                    null,
                    reasonWithoutPrice(unavailableReason),
                    List.copyOf(thresholds),
                    false);
        }
        BigDecimal marketValue = money(holding.quantity().multiply(quote.price()));
        BigDecimal pnl = marketValue.subtract(costBasis);
        BigDecimal previousClose = quote.previousClose();
        BigDecimal dayChange = previousClose == null
                ? null
                : money(quote.price().subtract(previousClose).multiply(holding.quantity()));
        BigDecimal dayChangePercent =
                previousClose == null ? null : percent(quote.price().subtract(previousClose), previousClose);
        return new HoldingValue(
                holding.symbol(),
                holding.quantity(),
                holding.averageCost(),
                thresholdPrice,
                quote.price(),
                quote.observedAt(),
                marketValue,
                costBasis,
                pnl,
                percent(pnl, costBasis),
                dayChange,
                dayChangePercent,
                null,
                List.copyOf(thresholds),
                false);
    }

    /** The totals over the positions; watch entries hold nothing and are left out. */
    static Totals totals(List<HoldingValue> holdings) {
        List<HoldingValue> values =
                holdings.stream().filter(value -> !value.watched()).toList();
        BigDecimal costBasis = sum(values.stream().map(HoldingValue::costBasis).toList());
        List<String> unpriced = values.stream()
                .filter(value -> value.marketValue() == null)
                .map(value -> value.symbol().value())
                .toList();
        if (!unpriced.isEmpty()) {
            return new Totals(null, costBasis, null, null, null, "no price for " + String.join(", ", unpriced));
        }
        BigDecimal marketValue =
                sum(values.stream().map(HoldingValue::marketValue).toList());
        BigDecimal pnl = marketValue.subtract(costBasis);
        boolean dayKnown = values.stream().allMatch(value -> value.dayChange() != null);
        BigDecimal dayChange =
                dayKnown ? sum(values.stream().map(HoldingValue::dayChange).toList()) : null;
        return new Totals(
                marketValue,
                costBasis,
                pnl,
                percent(pnl, costBasis),
                dayChange,
                dayKnown ? null : "previous close unknown for some holdings");
    }

    private static String reasonWithoutPrice(String unavailableReason) {
        return unavailableReason != null ? unavailableReason : NO_PRICE_YET;
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(MONEY_SCALE), BigDecimal::add);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, RoundingMode.HALF_EVEN);
    }
}
