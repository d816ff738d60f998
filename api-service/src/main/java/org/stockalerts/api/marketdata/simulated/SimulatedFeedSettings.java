package org.stockalerts.api.marketdata.simulated;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the simulated market ({@code stockalerts.marketdata.simulated.*}).
 *
 * @param seed the seed every symbol's random walk derives from; the same seed replays the same market
 * @param tickInterval time between two ticks of one symbol, from {@code 1m} down to {@code 100us}
 *     (10,000 ticks a second per symbol)
 * @param drift annualised drift of the geometric Brownian motion
 * @param volatility annualised volatility of the geometric Brownian motion
 * @param maxTicksPerPoll cap of ticks per symbol in one poll, so a long pause does not end in a flood
 */
@ConfigurationProperties("stockalerts.marketdata.simulated")
public record SimulatedFeedSettings(
        @DefaultValue("42") long seed,
        @DefaultValue("1s") Duration tickInterval,
        @DefaultValue("0.08") double drift,
        @DefaultValue("0.30") double volatility,
        @DefaultValue("10000") int maxTicksPerPoll) {

    static final Duration FASTEST_TICK = Duration.ofNanos(100_000);
    static final Duration SLOWEST_TICK = Duration.ofMinutes(1);

    public SimulatedFeedSettings {
        if (tickInterval.compareTo(FASTEST_TICK) < 0 || tickInterval.compareTo(SLOWEST_TICK) > 0) {
            throw new IllegalArgumentException(
                    "stockalerts.marketdata.simulated.tick-interval must lie between 100us and 1m, was "
                            + tickInterval);
        }
        if (volatility < 0 || maxTicksPerPoll < 1) {
            throw new IllegalArgumentException(
                    "stockalerts.marketdata.simulated: volatility must not be negative, max-ticks-per-poll positive");
        }
    }
}
