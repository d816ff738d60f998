package org.stockalerts.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the analytics topology ({@code stockalerts.analytics.*}, e.g. the environment
 * variable {@code STOCKALERTS_ANALYTICS_GRACE_PERIOD}).
 *
 * @param intervals bar intervals, each at most one day; {@code P1D} is the exchange's trading day
 * @param smaInterval the interval whose bar closes feed SMA5, SMA20 and the signal; one of {@code intervals}
 * @param signalTolerance how far SMA5 must be above (below) SMA20 for BULLISH (BEARISH), as a
 *     fraction of SMA20: {@code 0.001} is 0.1 %
 * @param gracePeriod how long after its end a published bar still accepts late ticks (as amendments)
 * @param exchangeZone the exchange's time zone, which defines the trading day and daily bars
 * @param closeCheckInterval how often, in stream time, the topology looks for bars to close
 */
@ConfigurationProperties("stockalerts.analytics")
public record AnalyticsSettings(
        @DefaultValue({"PT1M", "P1D"}) List<Duration> intervals,
        @DefaultValue("PT1M") Duration smaInterval,
        @DefaultValue("0.001") BigDecimal signalTolerance,
        @DefaultValue("PT30S") Duration gracePeriod,
        @DefaultValue("America/New_York") ZoneId exchangeZone,
        @DefaultValue("PT1S") Duration closeCheckInterval) {

    /** The longest bar interval: the trading day. */
    public static final Duration TRADING_DAY = Duration.ofDays(1);

    public AnalyticsSettings {
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("stockalerts.analytics.intervals must name at least one interval");
        }
        for (Duration interval : intervals) {
            if (interval.isNegative() || interval.isZero() || interval.compareTo(TRADING_DAY) > 0) {
                throw new IllegalArgumentException(
                        "stockalerts.analytics.intervals: " + interval + " is not between 0 and P1D");
            }
        }
        if (intervals.stream().distinct().count() != intervals.size()) {
            throw new IllegalArgumentException("stockalerts.analytics.intervals has duplicates: " + intervals);
        }
        if (!intervals.contains(smaInterval)) {
            throw new IllegalArgumentException(
                    "stockalerts.analytics.sma-interval " + smaInterval + " is not one of the intervals " + intervals);
        }
        if (signalTolerance.signum() < 0) {
            throw new IllegalArgumentException("stockalerts.analytics.signal-tolerance must not be negative");
        }
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("stockalerts.analytics.grace-period must not be negative");
        }
        if (closeCheckInterval.isNegative() || closeCheckInterval.isZero()) {
            throw new IllegalArgumentException("stockalerts.analytics.close-check-interval must be positive");
        }
    }

    /** The defaults, for tests and the benchmark. */
    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings(
                List.of(Duration.ofMinutes(1), TRADING_DAY),
                Duration.ofMinutes(1),
                new BigDecimal("0.001"),
                Duration.ofSeconds(30),
                ZoneId.of("America/New_York"),
                Duration.ofSeconds(1));
    }
}
