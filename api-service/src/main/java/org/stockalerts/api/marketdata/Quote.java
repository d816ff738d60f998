package org.stockalerts.api.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.stockalerts.common.event.Require;
import org.stockalerts.common.event.Symbol;

/**
 * One quote as a provider reported it. Fields a provider does not have are null.
 *
 * @param volume cumulative volume of the trading day
 * @param changePercent change against the previous close in percent (1.5 means +1.5 %)
 * @param latestTradingDay the trading day the quote belongs to, when the provider says
 * @param observedAt the provider's time of the quote; part of what makes a quote new
 */
public record Quote(
        Symbol symbol,
        BigDecimal price,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        Long volume,
        BigDecimal previousClose,
        BigDecimal change,
        BigDecimal changePercent,
        LocalDate latestTradingDay,
        Instant observedAt) {

    public Quote {
        Require.present(symbol, "symbol");
        Require.positive(price, "price");
        Require.present(observedAt, "observedAt");
    }

    /** A quote with only a price and a volume, as replayed files and load tests have them. */
    public static Quote of(Symbol symbol, BigDecimal price, Long volume, Instant observedAt) {
        return new Quote(symbol, price, null, null, null, volume, null, null, null, null, observedAt);
    }
}
