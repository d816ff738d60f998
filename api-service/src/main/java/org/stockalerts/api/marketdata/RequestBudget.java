package org.stockalerts.api.marketdata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The request budget of a provider plan: at most {@code perMinute} requests in a clock minute and
 * {@code perDay} in a UTC day, spread evenly (one request per {@link #spacing()}) rather than spent in
 * a burst, so a day's budget lasts the whole day. After the provider says a limit is reached, requests
 * pause for a back-off that doubles on each refusal and resets on the next success. Not thread-safe:
 * the poller's single thread owns it.
 */
public final class RequestBudget {

    private final Clock clock;
    private final int perMinute;
    private final int perDay;
    private final Duration spacing;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private Instant nextAllowed = Instant.MIN;
    private Instant pausedUntil = Instant.MIN;
    private Instant minute = Instant.MIN;
    private int usedInMinute;
    private volatile Instant day = Instant.MIN;
    private volatile int usedInDay;
    private Duration backoff;

    public RequestBudget(Clock clock, int perMinute, int perDay, Duration initialBackoff, Duration maxBackoff) {
        this(
                clock,
                perMinute,
                perDay,
                max(
                        Duration.ofMinutes(1).dividedBy(perMinute),
                        Duration.ofDays(1).dividedBy(perDay)),
                initialBackoff,
                maxBackoff);
    }

    private RequestBudget(
            Clock clock, int perMinute, int perDay, Duration spacing, Duration initialBackoff, Duration maxBackoff) {
        if (perMinute < 1 || perDay < 1) {
            throw new IllegalArgumentException("request limits must be at least 1 per minute and per day");
        }
        this.clock = clock;
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.spacing = spacing;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = initialBackoff;
    }

    /** A budget that never refuses, for local providers. */
    public static RequestBudget unlimited(Clock clock) {
        return new RequestBudget(
                clock, Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** Takes one request from the budget if one is available now. */
    public boolean tryAcquire() {
        Instant now = clock.instant();
        rollWindows(now);
        if (now.isBefore(nextAllowed) || !withinLimits(now)) {
            return false;
        }
        take();
        nextAllowed = now.plus(spacing);
        return true;
    }

    /**
     * Takes one request out of turn (a catch-up's intraday bars) if the minute's and the day's limits and any
     * rate-limit pause allow one now; the next spaced request moves back by one spacing, so the day's budget still
     * lasts the day.
     */
    public boolean tryAcquireNow() {
        Instant now = clock.instant();
        rollWindows(now);
        if (!withinLimits(now)) {
            return false;
        }
        take();
        nextAllowed = (nextAllowed.isAfter(now) ? nextAllowed : now).plus(spacing);
        return true;
    }

    /** The provider refused a request for its limits: pause, twice as long as last time. */
    public Duration rateLimited() {
        Duration pause = backoff;
        Instant resume = clock.instant().plus(pause);
        if (resume.isAfter(nextAllowed)) {
            nextAllowed = resume;
        }
        pausedUntil = resume;
        backoff = min(backoff.multipliedBy(2), maxBackoff);
        return pause;
    }

    /** A request went through: the next refusal starts the back-off from the beginning again. */
    public void succeeded() {
        backoff = initialBackoff;
    }

    /** The even gap between two requests that makes both limits last. */
    public Duration spacing() {
        return spacing;
    }

    /** How often each of {@code symbols} gets a fresh quote when one request covers {@code batchSize}. */
    public Duration refreshInterval(int symbols, int batchSize, Duration pollInterval) {
        long requests = Math.max(1, (symbols + batchSize - 1L) / batchSize);
        return max(spacing, pollInterval).multipliedBy(requests);
    }

    /**
     * The requests left of today's limit (UTC days, as the provider counts them), for the gauge of the same name;
     * read from another thread, so an approximation while a request is being taken.
     */
    public int leftToday() {
        Instant currentDay = clock.instant().truncatedTo(ChronoUnit.DAYS);
        return currentDay.equals(day) ? Math.max(0, perDay - usedInDay) : perDay;
    }

    private boolean withinLimits(Instant now) {
        return !now.isBefore(pausedUntil) && usedInMinute < perMinute && usedInDay < perDay;
    }

    private void take() {
        usedInMinute++;
        usedInDay++;
    }

    private void rollWindows(Instant now) {
        Instant currentMinute = now.truncatedTo(ChronoUnit.MINUTES);
        if (!currentMinute.equals(minute)) {
            minute = currentMinute;
            usedInMinute = 0;
        }
        Instant currentDay = now.truncatedTo(ChronoUnit.DAYS);
        if (!currentDay.equals(day)) {
            day = currentDay;
            usedInDay = 0;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
