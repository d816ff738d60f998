package org.stockalerts.analytics.signals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The closes of a symbol's latest {@value #LONG} bars, in window order, and their simple moving
 * averages. A late amendment replaces the close of its bar; a bar older than all kept ones is
 * ignored once {@value #LONG} are kept. Not thread-safe: owned by one stream task.
 */
public final class MovingAverages {

    /** Bars in the short average. */
    public static final int SHORT = 5;

    /** Bars in the long average, and how many closes are kept. */
    public static final int LONG = 20;

    /** Scale of the published averages. */
    public static final int SCALE = 4;

    private static final MathContext CONTEXT = MathContext.DECIMAL64;

    private final List<Close> closes;

    public MovingAverages() {
        this(new ArrayList<>(LONG + 1));
    }

    public MovingAverages(List<Close> closes) {
        this.closes = closes;
    }

    /** Records (or replaces) the close of the bar starting at {@code windowStart} (epoch ms). */
    public void record(long windowStart, BigDecimal close) {
        int index = closes.size();
        while (index > 0 && closes.get(index - 1).windowStart() >= windowStart) {
            index--;
        }
        if (index < closes.size() && closes.get(index).windowStart() == windowStart) {
            closes.set(index, new Close(windowStart, close));
            return;
        }
        if (index == 0 && closes.size() >= LONG) {
            return;
        }
        closes.add(index, new Close(windowStart, close));
        if (closes.size() > LONG) {
            closes.removeFirst();
        }
    }

    /** SMA5, or null while fewer than 5 closes are known. */
    public BigDecimal sma5() {
        return sma(SHORT);
    }

    /** SMA20, or null while fewer than 20 closes are known. */
    public BigDecimal sma20() {
        return sma(LONG);
    }

    /** The kept closes, oldest first; callers must not change them. */
    public List<Close> closes() {
        return closes;
    }

    private BigDecimal sma(int bars) {
        if (closes.size() < bars) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = closes.size() - bars; i < closes.size(); i++) {
            sum = sum.add(closes.get(i).close());
        }
        return sum.divide(BigDecimal.valueOf(bars), CONTEXT).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** The close of the bar starting at {@code windowStart} (epoch ms). */
    public record Close(long windowStart, BigDecimal close) {}
}
