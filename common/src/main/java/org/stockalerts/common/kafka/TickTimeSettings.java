package org.stockalerts.common.kafka;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How far a tick's {@code observedAt} may stray from the service's clock ({@code stockalerts.ticks.*},
 * e.g. the environment variable {@code STOCKALERTS_TICKS_MAX_FUTURE_SKEW}); see {@link TickTimeBound}.
 *
 * @param maxFutureSkew how far ahead of now a tick may be dated (clocks of producers and consumers differ a little)
 * @param maxAge how far behind now a tick may be dated; older ones are history, not prices
 */
@Validated
@ConfigurationProperties(TickTimeSettings.PREFIX)
public record TickTimeSettings(
        @DefaultValue("1m") @NotNull @DurationMin(millis = 0) @DurationMax(days = 1)
        Duration maxFutureSkew,

        @DefaultValue("30d") @NotNull @DurationMin(minutes = 1) @DurationMax(days = 36_500)
        Duration maxAge) {

    public static final String PREFIX = "stockalerts.ticks";

    /** The defaults, for code outside Spring. */
    public static TickTimeSettings defaults() {
        return new TickTimeSettings(Duration.ofMinutes(1), Duration.ofDays(30));
    }
}
