package org.stockalerts.alerting.delivery;

import java.time.Duration;

/**
 * When a failed delivery is tried again: exponential backoff from {@code initialBackoff}, growing by
 * {@code backoffMultiplier} up to {@code maxBackoff}, spread by ±{@code jitter} so receivers that
 * failed together are not retried together, and never sooner than a receiver's Retry-After (capped
 * at {@code maxRetryAfter}). The retry topics are created from the same numbers. Also how long
 * each attempt may wait for its receiver.
 */
public final class RetrySchedule {

    private final DeliverySettings settings;

    public RetrySchedule(DeliverySettings settings) {
        this.settings = settings;
    }

    /** Total attempts per delivery, the first one included. */
    public int attempts() {
        return settings.attempts();
    }

    public long initialDelayMillis() {
        return settings.initialBackoff().toMillis();
    }

    public double multiplier() {
        return settings.backoffMultiplier();
    }

    public long maxDelayMillis() {
        return settings.maxBackoff().toMillis();
    }

    public int partitions() {
        return settings.partitions();
    }

    public int concurrency() {
        return settings.concurrency();
    }

    /**
     * How long attempt {@code attempt} (1-based) may wait for a webhook receiver's answer: the first
     * attempt, on the main topic, has the shorter first-attempt budget, because every target behind
     * it on its partition waits for it; retries, on the retry topics, the full request timeout.
     */
    public Duration timeout(int attempt) {
        return attempt <= 1 ? settings.firstAttemptTimeout() : settings.requestTimeout();
    }

    /** Whether attempt number {@code attempt} (1-based) is the last one. */
    public boolean isLast(int attempt) {
        return attempt >= settings.attempts();
    }

    /** The wait after attempt {@code attempt} (1-based) failed, before jitter. */
    public Duration nominalDelay(int attempt) {
        double millis = settings.initialBackoff().toMillis() * Math.pow(settings.backoffMultiplier(), attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, settings.maxBackoff().toMillis()));
    }

    /**
     * The wait after attempt {@code attempt} failed.
     *
     * @param retryAfter what the receiver asked for, or null
     * @param random a uniform random number in [0, 1) that places the wait within the jitter band
     */
    public Duration delayAfter(int attempt, Duration retryAfter, double random) {
        long nominal = nominalDelay(attempt).toMillis();
        double spread = 1 - settings.jitter() + 2 * settings.jitter() * random;
        Duration jittered = Duration.ofMillis(Math.round(nominal * spread));
        if (retryAfter == null) {
            return jittered;
        }
        Duration requested = retryAfter.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : retryAfter;
        return requested.compareTo(jittered) > 0 ? requested : jittered;
    }
}
