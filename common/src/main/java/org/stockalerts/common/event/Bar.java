package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Open, high, low, close, volume, tick count and average price of one symbol over one window
 * [windowStart, windowEnd).
 *
 * @param tradingDate the exchange's trading day the window belongs to (in the exchange's zone)
 * @param volume volume traded within the window, when the ticks carried volume
 * @param average arithmetic mean of the tick prices in the window
 */
public record Bar(
        Instant windowStart,
        Instant windowEnd,
        LocalDate tradingDate,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        long volume,
        long tickCount,
        BigDecimal average) {

    public Bar {
        Require.allPresent("windowStart, windowEnd, tradingDate", windowStart, windowEnd, tradingDate);
        Require.allPositive("open, high, low, close, average", open, high, low, close, average);
        if (tickCount <= 0) {
            throw new IllegalArgumentException("field 'tickCount' must be positive, was " + tickCount);
        }
    }
}
