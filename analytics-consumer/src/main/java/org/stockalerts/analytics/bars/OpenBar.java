package org.stockalerts.analytics.bars;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import org.stockalerts.common.event.Bar;

/**
 * A bar being built from ticks, in any arrival order: open and close are the prices of the ticks
 * with the earliest and latest event time (ties go to the first and the last to arrive).
 *
 * <p>Volume: ticks carry the trading day's cumulative volume, so the bar's volume is the highest
 * cumulative volume seen in the window minus the cumulative volume at the window's start, never
 * negative. That reference is 0 for a window that opens the trading day, else the highest
 * cumulative volume the symbol had reached that day before the window opened, else (nothing seen
 * earlier that day) the lowest cumulative volume seen in the window: volume traded before the first
 * observed tick is unknown and is not attributed to the bar. Ticks without volume add none.
 *
 * <p>Not thread-safe: owned by one stream task.
 */
public final class OpenBar {

    /** Scale of the average price. */
    public static final int AVERAGE_SCALE = 4;

    /** Marks an unknown cumulative volume. */
    public static final long NO_VOLUME = -1;

    private static final MathContext AVERAGE_CONTEXT = MathContext.DECIMAL64;

    private final BarWindow window;
    private final long volumeReference;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal close;
    private long openAt;
    private long closeAt;
    private long tickCount;
    private BigDecimal priceSum = BigDecimal.ZERO;
    private long minCumulative = NO_VOLUME;
    private long maxCumulative = NO_VOLUME;
    private int publications;

    /** An empty bar; {@code volumeReference} is the day's cumulative volume at its start, or -1 when unknown. */
    public OpenBar(BarWindow window, long volumeReference) {
        this.window = window;
        this.volumeReference = volumeReference;
    }

    /** Adds a tick observed at {@code observedAt} (epoch ms); {@code cumulativeVolume} may be null. */
    public void add(BigDecimal price, long observedAt, Long cumulativeVolume) {
        if (tickCount == 0) {
            open = high = low = close = price;
            openAt = closeAt = observedAt;
        } else {
            if (observedAt < openAt) {
                open = price;
                openAt = observedAt;
            }
            if (observedAt >= closeAt) {
                close = price;
                closeAt = observedAt;
            }
            high = high.max(price);
            low = low.min(price);
        }
        tickCount++;
        priceSum = priceSum.add(price);
        if (cumulativeVolume != null) {
            minCumulative = minCumulative == NO_VOLUME ? cumulativeVolume : Math.min(minCumulative, cumulativeVolume);
            maxCumulative = Math.max(maxCumulative, cumulativeVolume);
        }
    }

    /** Volume traded within the window, per the rule in the class comment. */
    public long volume() {
        if (maxCumulative == NO_VOLUME) {
            return 0;
        }
        long reference = volumeReference == NO_VOLUME ? minCumulative : volumeReference;
        return Math.max(0, maxCumulative - reference);
    }

    /** The bar as published. */
    public Bar toBar() {
        BigDecimal average = priceSum.divide(BigDecimal.valueOf(tickCount), AVERAGE_CONTEXT)
                .setScale(AVERAGE_SCALE, RoundingMode.HALF_EVEN);
        return new Bar(
                Instant.ofEpochMilli(window.start()),
                Instant.ofEpochMilli(window.end()),
                window.tradingDate(),
                open,
                high,
                low,
                close,
                volume(),
                tickCount,
                average);
    }

    /** Counts one publication and returns how many came before it (0 for the close, then amendments). */
    public int markPublished() {
        return publications++;
    }

    public boolean published() {
        return publications > 0;
    }

    public BarWindow window() {
        return window;
    }

    public BigDecimal close() {
        return close;
    }

    public long maxCumulative() {
        return maxCumulative;
    }

    /** The bar rebuilt from a {@link #snapshot()}. */
    public static OpenBar restored(BarWindow window, Snapshot snapshot) {
        OpenBar bar = new OpenBar(window, snapshot.volumeReference());
        bar.open = snapshot.open();
        bar.high = snapshot.high();
        bar.low = snapshot.low();
        bar.close = snapshot.close();
        bar.openAt = snapshot.openAt();
        bar.closeAt = snapshot.closeAt();
        bar.tickCount = snapshot.tickCount();
        bar.priceSum = snapshot.priceSum();
        bar.minCumulative = snapshot.minCumulative();
        bar.maxCumulative = snapshot.maxCumulative();
        bar.publications = snapshot.publications();
        return bar;
    }

    /** Everything but the window, for the state store. */
    public Snapshot snapshot() {
        return new Snapshot(
                volumeReference,
                open,
                high,
                low,
                close,
                openAt,
                closeAt,
                tickCount,
                priceSum,
                minCumulative,
                maxCumulative,
                publications);
    }

    /** The fields of a bar besides its window; cumulative volumes are -1 when no tick had one. */
    public record Snapshot(
            long volumeReference,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            long openAt,
            long closeAt,
            long tickCount,
            BigDecimal priceSum,
            long minCumulative,
            long maxCumulative,
            int publications) {}
}
