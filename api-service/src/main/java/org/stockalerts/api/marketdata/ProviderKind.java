package org.stockalerts.api.marketdata;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The quote providers there are. */
public enum ProviderKind {
    ALPHAVANTAGE,
    SIMULATED,
    REPLAY,
    /** Finnhub's WebSocket trade stream. */
    FINNHUB,
    /** Alpaca's IEX WebSocket trade stream. */
    ALPACA;

    /** Whether the provider pushes trades over a connection it keeps open (rather than being polled). */
    boolean streaming() {
        return this == FINNHUB || this == ALPACA;
    }

    static ProviderKind fromSetting(String value) {
        String normalized = value.strip().replace("-", "").toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.name().equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stockalerts.marketdata.provider '" + value
                        + "' is none of "
                        + Arrays.stream(values())
                                .map(kind -> kind.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }
}
