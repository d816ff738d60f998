package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A bar of a symbol closed (or was amended by a late tick), or the symbol's moving-average signal
 * changed. Published on {@code stock-analytics} keyed by symbol.
 *
 * @param interval the bar interval, e.g. {@code PT1M}, or {@code PT24H} for the trading-day bar (ISO-8601)
 * @param sma5 mean close of the last 5 bars, null while fewer than 5 bars exist
 * @param sma20 mean close of the last 20 bars, null while fewer than 20 bars exist
 * @param signalChanged true when {@code signal} differs from {@code previousSignal}
 * @param signalChangedAt when the current signal began
 * @param amended true when a late tick changed a bar that had already been published
 */
public record AnalyticsUpdated(
        UUID eventId,
        Instant occurredAt,
        int version,
        Symbol symbol,
        Duration interval,
        Bar bar,
        BigDecimal sma5,
        BigDecimal sma20,
        Signal signal,
        Signal previousSignal,
        boolean signalChanged,
        Instant signalChangedAt,
        boolean amended)
        implements Event {

    public static final int CURRENT_VERSION = 1;

    public AnalyticsUpdated {
        version = Require.event(eventId, occurredAt, version, "symbol, interval, bar", symbol, interval, bar);
        signal = signal == null ? Signal.NEUTRAL : signal;
    }
}
