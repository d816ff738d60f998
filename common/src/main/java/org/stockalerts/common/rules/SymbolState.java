package org.stockalerts.common.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.stockalerts.common.event.PriceTick;

/**
 * What the engine remembers of one symbol: the last accepted tick (the previous price of a cross,
 * and the watermark that drops out-of-order and replayed ticks), the last price of each recent
 * minute (the reference of window move rules) and the end of the last bar whose signal was seen.
 *
 * @param minuteCloses epoch minute to the last price observed in that minute
 */
public record SymbolState(
        BigDecimal lastPrice,
        Instant lastObservedAt,
        UUID lastEventId,
        NavigableMap<Long, BigDecimal> minuteCloses,
        Instant lastSignalBarEnd) {

    /** A symbol never seen. */
    public static final SymbolState EMPTY = new SymbolState(null, null, null, new TreeMap<>(), null);

    public SymbolState {
        minuteCloses = minuteCloses == null ? new TreeMap<>() : new TreeMap<>(minuteCloses);
    }

    /**
     * Whether {@code tick} comes after the last accepted tick. Ticks at or before it (out of order,
     * duplicated, replayed) are ignored entirely, so no tick is evaluated twice.
     */
    public boolean accepts(PriceTick tick) {
        return lastObservedAt == null || tick.observedAt().isAfter(lastObservedAt);
    }

    /** Whether a signal of the bar ending at {@code barEnd} is new. */
    public boolean acceptsSignal(Instant barEnd) {
        return lastSignalBarEnd == null || barEnd.isAfter(lastSignalBarEnd);
    }

    /** The last price of the latest minute at or before {@code minutesAgo} minutes before {@code at}'s minute. */
    public BigDecimal priceMinutesBefore(Instant at, int minutesAgo) {
        var entry = minuteCloses.floorEntry(epochMinute(at) - minutesAgo);
        return entry == null ? null : entry.getValue();
    }

    /** This state after accepting {@code tick}, keeping {@code keepMinutes} minutes of history. */
    public SymbolState after(PriceTick tick, int keepMinutes) {
        TreeMap<Long, BigDecimal> closes = new TreeMap<>();
        if (keepMinutes > 0) {
            long minute = epochMinute(tick.observedAt());
            closes.putAll(minuteCloses.tailMap(minute - keepMinutes, true));
            closes.put(minute, tick.price());
        }
        return new SymbolState(tick.price(), tick.observedAt(), tick.eventId(), closes, lastSignalBarEnd);
    }

    /** This state after the signal of the bar ending at {@code barEnd} was seen. */
    public SymbolState afterSignal(Instant barEnd) {
        return new SymbolState(lastPrice, lastObservedAt, lastEventId, minuteCloses, barEnd);
    }

    private static long epochMinute(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }
}
