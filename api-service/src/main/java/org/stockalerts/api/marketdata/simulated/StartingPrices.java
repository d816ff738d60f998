package org.stockalerts.api.marketdata.simulated;

import java.util.Map;
import org.stockalerts.common.event.Symbol;

/**
 * Realistic starting prices for well-known symbols (late-2024 levels) and a stable made-up price
 * between 20 and 500 for any other symbol, so the same symbol always starts at the same price.
 */
final class StartingPrices {

    private static final Map<String, Double> KNOWN = Map.ofEntries(
            Map.entry("AAPL", 190.0),
            Map.entry("MSFT", 420.0),
            Map.entry("GOOGL", 170.0),
            Map.entry("GOOG", 171.0),
            Map.entry("AMZN", 185.0),
            Map.entry("NVDA", 120.0),
            Map.entry("META", 500.0),
            Map.entry("TSLA", 240.0),
            Map.entry("IBM", 210.0),
            Map.entry("JPM", 200.0),
            Map.entry("V", 275.0),
            Map.entry("NFLX", 650.0),
            Map.entry("AMD", 150.0),
            Map.entry("INTC", 30.0),
            Map.entry("KO", 62.0),
            Map.entry("DIS", 95.0),
            Map.entry("BRK.B", 450.0));

    private static final double MIN_PRICE = 20;
    private static final int PRICE_RANGE_CENTS = 48_000;

    private StartingPrices() {}

    static double of(Symbol symbol) {
        Double known = KNOWN.get(symbol.value());
        if (known != null) {
            return known;
        }
        return MIN_PRICE + Math.floorMod(symbol.value().hashCode(), PRICE_RANGE_CENTS) / 100.0;
    }
}
