package org.stockalerts.analytics.bars;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Places an instant in its bar window. Windows are counted from the start of the exchange's
 * trading day in its zone, so a {@code P1D} window is that day whatever its length (23 or 25 hours
 * across a daylight-saving change) and an intraday window never straddles two trading days: the last
 * one of a day ends at the day's end when the interval does not divide the day. Thread-safe.
 */
public final class BarWindows {

    private final Duration interval;
    private final long intervalMillis;
    private final boolean wholeDay;
    private final ZoneId zone;
    private volatile Day lastDay = new Day(0, 0, LocalDate.EPOCH);

    public BarWindows(Duration interval, ZoneId zone) {
        this.interval = interval;
        this.intervalMillis = interval.toMillis();
        this.wholeDay = interval.compareTo(Duration.ofDays(1)) >= 0;
        this.zone = zone;
    }

    public Duration interval() {
        return interval;
    }

    /** The window holding the instant {@code epochMillis}. */
    public BarWindow windowOf(long epochMillis) {
        Day day = dayOf(epochMillis);
        if (wholeDay) {
            return new BarWindow(day.start, day.end, day.date, true);
        }
        long start = day.start + (epochMillis - day.start) / intervalMillis * intervalMillis;
        long end = Math.min(start + intervalMillis, day.end);
        return new BarWindow(start, end, day.date, start == day.start);
    }

    private Day dayOf(long epochMillis) {
        Day day = lastDay;
        if (epochMillis >= day.start && epochMillis < day.end) {
            return day;
        }
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
        day = new Day(
                date.atStartOfDay(zone).toInstant().toEpochMilli(),
                date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(),
                date);
        lastDay = day;
        return day;
    }

    private record Day(long start, long end, LocalDate date) {}
}
