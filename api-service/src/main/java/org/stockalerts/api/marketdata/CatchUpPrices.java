package org.stockalerts.api.marketdata;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.FeedStatusChanged.PricePoint;
import org.stockalerts.common.market.MarketCalendar;

/**
 * The prices a feed's gap hid, each strictly inside the gap ({@code after} to {@code before}, both excluded) and in
 * time order, as {@link FeedStatusChanged#catchUp()} wants them: from the provider's intraday bars, or from the day
 * range the first quote after the gap reports.
 */
final class CatchUpPrices {

    /** Each bar yields two prices: its low and high, in the order the bar most likely traded them. */
    private static final int POINTS_PER_BAR = 2;

    private CatchUpPrices() {}

    /**
     * Each bar's extremes, at a third and two thirds of the bar: an up bar's low then high (open, low, high, close), a
     * down bar's high then low. Only bars lying wholly inside the gap count: a bar at its edge also holds trades from
     * before {@code after} (already evaluated live) or after {@code before} (the resuming minute), which would fire
     * again as a catch-up; so up to a minute at each edge of the gap is not caught up. Bars are merged in consecutive
     * groups (highest high, lowest low) when there are more than {@link FeedStatusChanged#MAX_CATCH_UP_POINTS} allows.
     */
    static List<PricePoint> fromBars(List<IntradayBar> bars, Instant after, Instant before) {
        List<IntradayBar> inside = bars.stream()
                .filter(bar -> !bar.start().isBefore(after) && !bar.end().isAfter(before))
                .sorted((a, b) -> a.start().compareTo(b.start()))
                .toList();
        List<PricePoint> points = new ArrayList<>();
        Instant previous = after;
        for (IntradayBar bar : merged(inside)) {
            // a provider's overlapping bars still give points in time order
            List<Instant> times = spread(latest(bar.start(), previous), bar.end(), POINTS_PER_BAR);
            if (times.isEmpty()) {
                continue;
            }
            BigDecimal first = bar.up() ? bar.low() : bar.high();
            BigDecimal second = bar.up() ? bar.high() : bar.low();
            points.add(new PricePoint(first, times.get(0)));
            points.add(new PricePoint(second, times.get(1)));
            previous = times.get(1);
        }
        return points;
    }

    /**
     * The day high above {@code before}'s and the day low below its, as {@code resumed} (of the same trading day)
     * reports them: prices the gap must have traded. A rising gap (the resuming price above the last one) went low
     * first, then high; a falling one high first. Spread evenly over the gap (a third and two thirds for two).
     */
    static List<PricePoint> fromDayRange(Quote before, Quote resumed) {
        if (!tradingDay(before).equals(tradingDay(resumed))) {
            return List.of();
        }
        BigDecimal high = beyond(resumed.high(), before.high(), 1);
        BigDecimal low = beyond(resumed.low(), before.low(), -1);
        List<BigDecimal> prices = new ArrayList<>();
        boolean rising = resumed.price().compareTo(before.price()) > 0;
        for (BigDecimal price : rising ? new BigDecimal[] {low, high} : new BigDecimal[] {high, low}) {
            if (price != null) {
                prices.add(price);
            }
        }
        List<Instant> times = spread(before.observedAt(), resumed.observedAt(), prices.size());
        if (prices.isEmpty() || times.isEmpty()) {
            return List.of();
        }
        List<PricePoint> points = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            points.add(new PricePoint(prices.get(i), times.get(i)));
        }
        return points;
    }

    /** Consecutive bars merged into groups so that two points each fit the cap. */
    private static List<IntradayBar> merged(List<IntradayBar> bars) {
        int maxBars = FeedStatusChanged.MAX_CATCH_UP_POINTS / POINTS_PER_BAR;
        if (bars.size() <= maxBars) {
            return bars;
        }
        int group = (bars.size() + maxBars - 1) / maxBars;
        List<IntradayBar> merged = new ArrayList<>();
        for (int start = 0; start < bars.size(); start += group) {
            List<IntradayBar> part = bars.subList(start, Math.min(bars.size(), start + group));
            merged.add(new IntradayBar(
                    part.getFirst().start(),
                    part.getLast().end(),
                    part.getFirst().open(),
                    part.stream().map(IntradayBar::high).reduce(BigDecimal::max).orElseThrow(),
                    part.stream().map(IntradayBar::low).reduce(BigDecimal::min).orElseThrow(),
                    part.getLast().close()));
        }
        return merged;
    }

    /** {@code count} instants evenly inside {@code from} to {@code to}, both excluded; none when too close together. */
    private static List<Instant> spread(Instant from, Instant to, int count) {
        Duration span = Duration.between(from, to);
        if (count == 0 || span.toNanos() <= count) {
            return List.of();
        }
        List<Instant> times = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            times.add(from.plus(span.multipliedBy(i).dividedBy(count + 1)));
        }
        return times;
    }

    /** {@code now} when it is a price (a provider may report a day low of 0) beyond {@code before}, else null. */
    private static BigDecimal beyond(BigDecimal now, BigDecimal before, int direction) {
        return now != null && now.signum() > 0 && before != null && now.compareTo(before) * direction > 0 ? now : null;
    }

    private static LocalDate tradingDay(Quote quote) {
        return quote.latestTradingDay() != null
                ? quote.latestTradingDay()
                : quote.observedAt().atZone(MarketCalendar.NEW_YORK).toLocalDate();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
