package org.stockalerts.analytics.bars;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The bars of one symbol and one interval that may still change: the open ones and the published
 * ones still within their grace period, in window order; plus the highest cumulative volume the
 * symbol reached on its latest trading day, which a new bar takes as its volume reference.
 */
public final class IntervalBars {

    private final List<OpenBar> bars;
    private LocalDate volumeDate;
    private long volumeMark;

    public IntervalBars() {
        this(new ArrayList<>(2), null, OpenBar.NO_VOLUME);
    }

    public IntervalBars(List<OpenBar> bars, LocalDate volumeDate, long volumeMark) {
        this.bars = bars;
        this.volumeDate = volumeDate;
        this.volumeMark = volumeMark;
    }

    /** The bar of {@code window}, opened (empty) when it has none yet. */
    public OpenBar barFor(BarWindow window) {
        int index = 0;
        for (; index < bars.size(); index++) {
            OpenBar bar = bars.get(index);
            if (bar.window().start() == window.start()) {
                return bar;
            }
            if (bar.window().start() > window.start()) {
                break;
            }
        }
        OpenBar bar = new OpenBar(window, referenceFor(window));
        bars.add(index, bar);
        return bar;
    }

    /** Records the cumulative volume a tick of {@code date} carried, if any. */
    public void observeVolume(LocalDate date, Long cumulativeVolume) {
        if (cumulativeVolume == null) {
            return;
        }
        if (!date.equals(volumeDate)) {
            if (volumeDate != null && date.isBefore(volumeDate)) {
                return;
            }
            volumeDate = date;
            volumeMark = OpenBar.NO_VOLUME;
        }
        volumeMark = Math.max(volumeMark, cumulativeVolume);
    }

    /** Removes the published bars that ended at or before {@code deadline} (epoch ms). */
    public void evictPublishedEndingBy(long deadline) {
        Iterator<OpenBar> it = bars.iterator();
        while (it.hasNext()) {
            OpenBar bar = it.next();
            if (bar.published() && bar.window().end() <= deadline) {
                it.remove();
            }
        }
    }

    /** The bars, in window order; callers must not add or remove. */
    public List<OpenBar> bars() {
        return bars;
    }

    public LocalDate volumeDate() {
        return volumeDate;
    }

    public long volumeMark() {
        return volumeMark;
    }

    private long referenceFor(BarWindow window) {
        if (window.opensTradingDay()) {
            return 0;
        }
        return window.tradingDate().equals(volumeDate) ? volumeMark : OpenBar.NO_VOLUME;
    }
}
