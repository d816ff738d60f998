package org.stockalerts.faults;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Bar;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;

/**
 * The part of a published bar ({@link AnalyticsUpdated}) that the ticks alone decide: the bar (window,
 * trading date, OHLC, volume, tick count, average), SMA5, SMA20, the signal and when it began (a bar
 * end). Left out: the event id (it counts the bar's revisions), occurredAt (the stream time at
 * publication, which depends on when the stream-time punctuator runs), {@code amended}, and the
 * previous signal (both differ between a bar published once and one amended). Decimals are compared
 * to the 8 places {@code persistence.stock_analytics} keeps.
 */
record BarOutcome(Bar bar, BigDecimal sma5, BigDecimal sma20, Signal signal, Instant signalChangedAt) {

    private static final int PLACES = 8;

    /** A bar's identity: its symbol, interval and window start (one per revision of it). */
    record Key(Symbol symbol, Duration interval, Instant windowStart) {}

    BarOutcome {
        bar = new Bar(
                bar.windowStart(),
                bar.windowEnd(),
                bar.tradingDate(),
                places(bar.open()),
                places(bar.high()),
                places(bar.low()),
                places(bar.close()),
                bar.volume(),
                bar.tickCount(),
                places(bar.average()));
        sma5 = places(sma5);
        sma20 = places(sma20);
    }

    static BarOutcome of(AnalyticsUpdated event) {
        return new BarOutcome(event.bar(), event.sma5(), event.sma20(), event.signal(), event.signalChangedAt());
    }

    static Key keyOf(AnalyticsUpdated event) {
        return new Key(event.symbol(), event.interval(), event.bar().windowStart());
    }

    /** Each bar's latest revision among {@code events}, in the order a symbol's events were published. */
    static Map<Key, BarOutcome> latest(Iterable<AnalyticsUpdated> events) {
        Map<Key, BarOutcome> latest = new HashMap<>();
        events.forEach(event -> latest.put(keyOf(event), of(event)));
        return latest;
    }

    private static BigDecimal places(BigDecimal value) {
        return value == null ? null : value.setScale(PLACES, RoundingMode.HALF_UP);
    }
}
