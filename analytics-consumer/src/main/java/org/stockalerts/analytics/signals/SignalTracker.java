package org.stockalerts.analytics.signals;

import java.math.BigDecimal;
import org.stockalerts.common.event.Signal;

/**
 * The moving averages of one symbol and its current signal with the event time it began. Not
 * thread-safe: owned by one stream task.
 */
public final class SignalTracker {

    /** Marks a signal that has not begun yet (no bar of the signal interval closed). */
    public static final long NEVER = Long.MIN_VALUE;

    private final MovingAverages averages;
    private Signal signal;
    private long since;

    public SignalTracker() {
        this(new MovingAverages(), Signal.NEUTRAL, NEVER);
    }

    public SignalTracker(MovingAverages averages, Signal signal, long since) {
        this.averages = averages;
        this.signal = signal;
        this.since = since;
    }

    /**
     * Takes the close of a bar of the signal interval that was published at event time {@code at}
     * (epoch ms) and re-evaluates the signal.
     */
    public Reading onBar(long windowStart, BigDecimal close, long at, SignalRule rule) {
        averages.record(windowStart, close);
        BigDecimal sma5 = averages.sma5();
        BigDecimal sma20 = averages.sma20();
        Signal next = rule.evaluate(sma5, sma20);
        Signal previous = signal;
        boolean changed = next != previous;
        if (changed || since == NEVER) {
            signal = next;
            since = at;
        }
        return new Reading(sma5, sma20, signal, previous, changed, since);
    }

    /** The averages and signal as they stand, for bars of other intervals. */
    public Reading current() {
        return new Reading(averages.sma5(), averages.sma20(), signal, signal, false, since);
    }

    public MovingAverages averages() {
        return averages;
    }

    public Signal signal() {
        return signal;
    }

    public long since() {
        return since;
    }

    /**
     * The averages and signal after a bar.
     *
     * @param since event time (epoch ms) the signal began, {@link #NEVER} when it has not
     */
    public record Reading(
            BigDecimal sma5, BigDecimal sma20, Signal signal, Signal previous, boolean changed, long since) {}
}
