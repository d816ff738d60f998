package org.stockalerts.alerting.delivery;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How alert fan-out and delivery wait out a PostgreSQL outage ({@code stockalerts.database.outage.*},
 * e.g. the environment variable {@code STOCKALERTS_DATABASE_OUTAGE_MAX_WAIT}): the record that met
 * the outage is retried in place, its partition held, with exponential backoff.
 *
 * @param initialBackoff the wait before the first retry
 * @param backoffMultiplier how much each further wait grows
 * @param maxBackoff the longest wait between two retries
 * @param maxWait how long a record waits in all: once the sum of its waits reaches this (the last
 *     wait may overshoot it by up to {@code maxBackoff}), the record is handled as any other failure
 *     (dead-lettered by fan-out, passed to the next retry topic by delivery)
 */
@Validated
@ConfigurationProperties("stockalerts.database.outage")
public record DatabaseOutageSettings(
        @DefaultValue("1s") @DurationMin(millis = 1) Duration initialBackoff,
        @DefaultValue("2") @DecimalMin("1") double backoffMultiplier,
        @DefaultValue("30s") @DurationMin(millis = 1) Duration maxBackoff,
        @DefaultValue("1h") @DurationMin(millis = 1) Duration maxWait) {

    @AssertTrue(message = "must be at least initial-backoff")
    boolean isMaxBackoffAtLeastInitialBackoff() {
        return maxBackoff.compareTo(initialBackoff) >= 0;
    }
}
