package org.stockalerts.api.idempotency;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Idempotent retries of the create routes ({@code stockalerts.api.idempotency.*}).
 *
 * @param ttl how long a stored answer is replayed for its key ({@code STOCKALERTS_API_IDEMPOTENCY_TTL});
 *     after that the key starts a new request
 * @param cleanupInterval how often expired answers are deleted
 *     ({@code STOCKALERTS_API_IDEMPOTENCY_CLEANUP_INTERVAL})
 */
@Validated
@ConfigurationProperties("stockalerts.api.idempotency")
public record IdempotencySettings(
        @DefaultValue("24h") @DurationMin(seconds = 1) Duration ttl,
        @DefaultValue("1h") @DurationMin(seconds = 1) Duration cleanupInterval) {}
