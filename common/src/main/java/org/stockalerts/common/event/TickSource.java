package org.stockalerts.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** Where a price tick came from; written on the wire in lower case. */
public enum TickSource {
    ALPHAVANTAGE,
    SIMULATED,
    REPLAY,
    /** Finnhub's WebSocket trades. */
    FINNHUB,
    /** Alpaca's IEX WebSocket trades. */
    ALPACA;

    private static final List<TickSource> VALUES = List.of(values());

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static TickSource fromWire(String value) {
        for (TickSource source : VALUES) {
            if (source.wireName.equalsIgnoreCase(value)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown tick source '" + value + "'");
    }
}
