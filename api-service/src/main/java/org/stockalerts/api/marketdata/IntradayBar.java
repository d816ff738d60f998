package org.stockalerts.api.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import org.stockalerts.common.event.Require;

/**
 * One of a provider's intraday bars: what traded from {@code start} (inclusive) to {@code end} (exclusive). The
 * catch-up of a blind feed ({@link FeedWatch}) takes each bar's high and low.
 */
public record IntradayBar(
        Instant start, Instant end, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {

    public IntradayBar {
        Require.present(start, "start");
        Require.present(end, "end");
        Require.positive(open, "open");
        Require.positive(high, "high");
        Require.positive(low, "low");
        Require.positive(close, "close");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a bar ends after it starts: " + start + " to " + end);
        }
    }

    /** Whether the price closed at or above its open: it went to its low before its high (O→L→H→C). */
    public boolean up() {
        return close.compareTo(open) >= 0;
    }
}
