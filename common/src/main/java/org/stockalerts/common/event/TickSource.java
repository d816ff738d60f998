package org.stockalerts.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a price tick came from; written on the wire in lower case. */
public enum TickSource {
    ALPHAVANTAGE,
    SIMULATED,
    REPLAY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TickSource fromWire(String value) {
        return Arrays.stream(values())
                .filter(source -> source.wireName().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tick source '" + value + "'"));
    }
}
