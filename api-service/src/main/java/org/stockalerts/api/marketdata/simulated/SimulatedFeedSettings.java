package org.stockalerts.api.marketdata.simulated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("stockalerts.marketdata.simulated")
public record SimulatedFeedSettings(
        @DefaultValue("42") long seed,

        @DefaultValue("1s") @DurationMin(nanos = 100_000) @DurationMax(minutes = 1)
        Duration tickInterval,

        @DefaultValue("0.08") double drift,
        @DefaultValue("0.30") @PositiveOrZero double volatility,
        @DefaultValue("10000") @Min(1) int maxTicksPerPoll) {}
