package org.stockalerts.api.marketdata.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The range and bar interval of a history request, chosen so that a request with no parameters, or only some, fits
 * the bar limit: without {@code interval}, the narrowest interval whose bars over the range fit; with an interval but
 * without {@code from}, the default range shortened to the limit's number of bars. Only a range and an interval both
 * given that span too many bars are refused. The answer names the interval, {@code from} and {@code to} it used.
 */
record HistoryWindow(BarInterval interval, Instant from, Instant to) {

    /**
     * @param from the requested start, or null for {@code to} minus the default range
     * @param to the requested end (now when not given)
     * @param interval the requested interval, or null to choose one
     * @throws IllegalArgumentException naming what to change when the range is empty or spans too many bars
     */
    static HistoryWindow choose(Instant from, Instant to, BarInterval interval, Duration defaultRange, int maxBars) {
        BarInterval chosen = interval;
        Instant start = from;
        if (chosen == null) {
            Instant rangeStart = from != null ? from : to.minus(defaultRange);
            chosen = Arrays.stream(BarInterval.values())
                    .filter(candidate -> bars(rangeStart, to, candidate) <= maxBars)
                    .findFirst()
                    .orElse(BarInterval.ONE_DAY);
            start = rangeStart;
        } else if (start == null) {
            Duration limit = chosen.duration().multipliedBy(maxBars);
            start = to.minus(defaultRange.compareTo(limit) <= 0 ? defaultRange : limit);
        }
        if (!start.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        long bars = bars(start, to, chosen);
        if (bars > maxBars) {
            throw new IllegalArgumentException("the range spans " + bars + " bars of " + chosen.label() + "; at most "
                    + maxBars + " are allowed, choose a shorter range or a wider interval");
        }
        return new HistoryWindow(chosen, start, to);
    }

    /** The bars of {@code interval} that the range from {@code from} to {@code to} touches. */
    static long bars(Instant from, Instant to, BarInterval interval) {
        long seconds = interval.duration().toSeconds();
        return (Duration.between(from, to).toSeconds() + seconds - 1) / seconds;
    }
}
