package org.stockalerts.alerting.clock;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How alert-consumer checks its host's clock against PostgreSQL's ({@code stockalerts.clock.*}, e.g. the
 * environment variable {@code STOCKALERTS_CLOCK_MAX_SKEW}).
 *
 * @param refreshInterval how often the offset is measured again
 * @param samples how many round trips one measurement makes; the one with the shortest round trip counts
 * @param maxAge how old (on the host's clock) the last measurement may be and still be fresh
 * @param maxSkew how far the host's clock may be off and still be used, corrected by the last
 *     measurement, once that measurement is no longer fresh; beyond it webhook signing pauses and the
 *     {@code clock} health is DOWN until a fresh measurement arrives
 */
@Validated
@ConfigurationProperties("stockalerts.clock")
public record ClockSettings(
        @DefaultValue("30s") @DurationMin(seconds = 1) @DurationMax(hours = 1)
        Duration refreshInterval,

        @DefaultValue("3") @Min(1) @Max(20) int samples,
        @DefaultValue("2m") @DurationMin(seconds = 1) Duration maxAge,

        @DefaultValue("30s") @DurationMin(millis = 0) @DurationMax(minutes = 4)
        Duration maxSkew) {

    @AssertTrue(message = "max-age must be longer than refresh-interval")
    boolean isMaxAgeLongerThanRefreshInterval() {
        return maxAge.compareTo(refreshInterval) > 0;
    }
}
