package org.stockalerts.api.ratelimit;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request rate limits ({@code stockalerts.api.rate-limits.*}, e.g. {@code
 * STOCKALERTS_API_RATE_LIMITS_PER_KEY_PER_SECOND}); see docs/security.md, "Rate limits". Each limit is a
 * token bucket: {@code burst} requests at once, refilled at the steady rate.
 *
 * @param enabled false switches the request and registration rate limits off (for load tests); the
 *     quotas and stream limits stay
 * @param perKeyPerSecond steady requests per second of one API key (one user: a user has one key)
 * @param perKeyBurst requests one key may send at once
 * @param perAddressPerSecond steady requests per second from one client address, with or without a key
 * @param perAddressBurst requests one address may send at once
 * @param registrationsPerHour {@code POST /users} per client address and hour (all at once, at most)
 * @param syncTokens requests an instance may admit on a bucket from its local copy before it writes
 *     them to PostgreSQL; with {@code n} instances a bucket may admit up to {@code n × syncTokens}
 *     more than its limit
 * @param syncInterval longest an instance admits on a bucket's local copy before it reads the shared one
 * @param localBuckets most buckets an instance keeps a local copy of (least recently used go first)
 * @param cleanupInterval how often buckets that are full again are deleted from PostgreSQL
 * @param cleanupBatchSize buckets deleted per statement of the cleanup
 * @param poolSize connections of the limiter's own pool (its syncs and cleanup; {@link BucketConnections})
 */
@Validated
@ConfigurationProperties("stockalerts.api.rate-limits")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") @Min(1) long perKeyPerSecond,
        @DefaultValue("40") @Min(1) long perKeyBurst,
        @DefaultValue("50") @Min(1) long perAddressPerSecond,
        @DefaultValue("100") @Min(1) long perAddressBurst,
        @DefaultValue("10") @Min(1) long registrationsPerHour,
        @DefaultValue("5") @Min(1) long syncTokens,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration syncInterval,
        @DefaultValue("100000") @Min(1) long localBuckets,
        @DefaultValue("1m") @DurationMin(seconds = 1) Duration cleanupInterval,
        @DefaultValue("1000") @Min(1) int cleanupBatchSize,
        @DefaultValue("4") @Min(1) int poolSize) {}
