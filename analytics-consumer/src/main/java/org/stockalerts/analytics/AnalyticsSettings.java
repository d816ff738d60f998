package org.stockalerts.analytics;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("stockalerts.analytics")
public record AnalyticsSettings(
        @DefaultValue({"PT1M", "P1D"}) @NotEmpty
        List<@DurationMin(nanos = 1) @DurationMax(days = 1) Duration> intervals,

        @DefaultValue("PT1M") Duration smaInterval,
        @DefaultValue("0.001") @PositiveOrZero BigDecimal signalTolerance,
        @DefaultValue("PT30S") @DurationMin Duration gracePeriod,
        @DefaultValue("America/New_York") ZoneId exchangeZone,
        @DefaultValue("PT1S") @DurationMin(nanos = 1) Duration closeCheckInterval) {

    /** The longest bar interval: the trading day. */
    public static final Duration TRADING_DAY = Duration.ofDays(1);

    public AnalyticsSettings {
        intervals = List.copyOf(intervals);
    }

    @AssertTrue(message = "intervals must not repeat")
    boolean isEachIntervalOnce() {
        return intervals.stream().distinct().count() == intervals.size();
    }

    @AssertTrue(message = "sma-interval must be one of the intervals")
    boolean isSmaIntervalOneOfTheIntervals() {
        return intervals.contains(smaInterval);
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
