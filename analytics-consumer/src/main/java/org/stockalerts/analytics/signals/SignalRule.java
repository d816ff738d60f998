package org.stockalerts.analytics.signals;

import java.math.BigDecimal;
import org.stockalerts.common.event.Signal;

/**
 * BULLISH when SMA5 is above SMA20 by more than {@code tolerance × SMA20}, BEARISH when below by
 * more, NEUTRAL otherwise and while SMA20 is unknown (fewer than 20 bars).
 *
 * @param tolerance a fraction of SMA20, not negative
 */
public record SignalRule(BigDecimal tolerance) {

    public Signal evaluate(BigDecimal sma5, BigDecimal sma20) {
        if (sma5 == null || sma20 == null) {
            return Signal.NEUTRAL;
        }
        BigDecimal margin = sma20.multiply(tolerance);
        BigDecimal difference = sma5.subtract(sma20);
        if (difference.compareTo(margin) > 0) {
            return Signal.BULLISH;
        }
        if (difference.negate().compareTo(margin) > 0) {
            return Signal.BEARISH;
        }
        return Signal.NEUTRAL;
    }
}
