package org.stockalerts.api.marketdata;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The quote providers there are. */
public enum ProviderKind {
    ALPHAVANTAGE,
    SIMULATED,
    REPLAY;

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
