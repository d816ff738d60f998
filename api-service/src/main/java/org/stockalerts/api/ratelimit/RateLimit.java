package org.stockalerts.api.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.stockalerts.api.web.TooManyRequestsException;

/** The API's request rate limits: each a token bucket per subject (a user, a client address). */
public enum RateLimit {
    REQUESTS_PER_KEY("requests-per-key", "per-key-burst"),
    REQUESTS_PER_ADDRESS("requests-per-address", "per-address-burst"),
    REGISTRATIONS_PER_ADDRESS("registrations-per-address", "registrations-per-hour");

    /** The limit's name in a problem detail, also the prefix of its buckets' ids. */
    private final String problemName;

    /** The setting of its burst, under {@code stockalerts.api.rate-limits}. */
    private final String property;

    RateLimit(String problemName, String property) {
        this.problemName = problemName;
        this.property = property;
    }

    /** The id of {@code subject}'s bucket of this limit in the shared table. */
    String bucketId(String subject) {
        return problemName + ":" + subject;
    }

    /** The requests this limit admits at once. */
    long burst(RateLimitSettings settings) {
        return switch (this) {
            case REQUESTS_PER_KEY -> settings.perKeyBurst();
            case REQUESTS_PER_ADDRESS -> settings.perAddressBurst();
            case REGISTRATIONS_PER_ADDRESS -> settings.registrationsPerHour();
        };
    }

    BucketConfiguration configuration(RateLimitSettings settings) {
        Bandwidth bandwidth = switch (this) {
            case REQUESTS_PER_KEY -> perSecond(settings.perKeyBurst(), settings.perKeyPerSecond());
            case REQUESTS_PER_ADDRESS -> perSecond(settings.perAddressBurst(), settings.perAddressPerSecond());
            case REGISTRATIONS_PER_ADDRESS ->
                Bandwidth.builder()
                        .capacity(settings.registrationsPerHour())
                        .refillGreedy(settings.registrationsPerHour(), Duration.ofHours(1))
                        .build();
        };
        return BucketConfiguration.builder().addLimit(bandwidth).build();
    }

    /** The answer to a request past this limit, which may be retried after {@code wait}. */
    TooManyRequestsException refusal(RateLimitSettings settings, Duration wait) {
        long maximum = burst(settings);
        return new TooManyRequestsException(
                problemName,
                maximum,
                wait,
                "at most " + maximum + " " + noun() + " at once (stockalerts.api.rate-limits." + property
                        + "); retry after the Retry-After seconds");
    }

    private String noun() {
        return switch (this) {
            case REQUESTS_PER_KEY -> "requests per API key";
            case REQUESTS_PER_ADDRESS -> "requests per client address";
            case REGISTRATIONS_PER_ADDRESS -> "registrations per client address and hour";
        };
    }

    private static Bandwidth perSecond(long burst, long perSecond) {
        return Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(perSecond, Duration.ofSeconds(1))
                .build();
    }
}
