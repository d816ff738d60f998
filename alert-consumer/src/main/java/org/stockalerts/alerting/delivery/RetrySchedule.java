package org.stockalerts.alerting.delivery;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * When a failed delivery is tried again: after the waits of the configured {@code schedule} (by
 * default Standard Webhooks' example, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, …, about three days in all),
 * each spread by ±{@code jitter} so receivers that failed together are not retried together, and never
 * sooner than a receiver's Retry-After (capped at {@code maxRetryAfter}). The first
 * {@code kafkaRetries} retries wait on the Kafka retry topics, which are created from the same numbers;
 * the later ones wait in the database ({@link ParkedRetries}). Also how long each attempt may wait for
 * its receiver.
 */
public final class RetrySchedule {

    /**
     * Growth of the retry topics' nominal delays. It only names and orders the topics (one per retry,
     * {@code -0}, {@code -1}, …): each record's due time comes from {@link #delayAfter}.
     */
    private static final double TOPIC_DELAY_MULTIPLIER = 2;

    private final DeliverySettings settings;
    private final List<Duration> waits;

    public RetrySchedule(DeliverySettings settings) {
        this.settings = settings;
        this.waits = List.copyOf(settings.schedule());
    }

    /** Attempts made through Kafka (the main topic and its retry topics), the first one included. */
    public int attempts() {
        return settings.kafkaRetries() + 1;
    }

    /** Attempts per delivery in all, the first one included. */
    public int totalAttempts() {
        return waits.size() + 1;
    }

    public long initialDelayMillis() {
        return waits.getFirst().toMillis();
    }

    public double multiplier() {
        return TOPIC_DELAY_MULTIPLIER;
    }

    public long maxDelayMillis() {
        return Collections.max(waits.subList(0, settings.kafkaRetries())).toMillis();
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
     * it on its partition waits for it; retries, and any attempt made from the database (where nothing
     * queues behind it), the full request timeout.
     */
    public Duration timeout(int attempt, boolean parked) {
        return attempt <= 1 && !parked ? settings.firstAttemptTimeout() : settings.requestTimeout();
    }

    /** The random share (0 to 1) by which each wait is spread around its nominal value. */
    public double jitter() {
        return settings.jitter();
    }

    /** Whether attempt number {@code attempt} (1-based) is the last one. */
    public boolean isLast(int attempt) {
        return attempt >= totalAttempts();
    }

    /** Whether the retry after attempt {@code attempt} failed waits on a Kafka retry topic (else in the database). */
    public boolean retriedOnKafka(int attempt) {
        return attempt < attempts();
    }

    /** The wait after attempt {@code attempt} (1-based) failed, before jitter. */
    public Duration nominalDelay(int attempt) {
        return waits.get(Math.clamp(attempt - 1, 0, waits.size() - 1));
    }

    /** The nominal time from the first attempt to the last one: how long a failing target is tried. */
    public Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
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
