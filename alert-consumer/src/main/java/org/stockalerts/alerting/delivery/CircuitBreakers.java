package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per webhook target. After {@code threshold} failed calls in a row, or at
 * once after a failed call that took {@code slowCall} or longer (a timeout: the costly kind), the
 * target's circuit opens: for {@code openFor} no call is made and attempts fail at once, so a
 * receiver that never answers stops costing the targets behind it a request timeout per alert.
 * After that only retries may probe it; first attempts keep failing fast until a probe succeeds,
 * so the main delivery topic never waits on a receiver known to be broken.
 */
public final class CircuitBreakers {

    private record State(int failures, Instant openUntil) {}

    private final int threshold;
    private final Duration openFor;
    private final Duration slowCall;
    private final Clock clock;
    private final Map<UUID, State> states = new ConcurrentHashMap<>();

    public CircuitBreakers(int threshold, Duration openFor, Duration slowCall, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("circuit breaker threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.slowCall = slowCall;
        this.clock = clock;
    }

    /**
     * Whether a call to {@code target} may be made now.
     *
     * @param retry whether the call is a retry (may probe a circuit whose open period is over)
     */
    public boolean allows(UUID target, boolean retry) {
        State state = states.get(target);
        if (state == null || state.failures() < threshold) {
            return true;
        }
        return retry && !clock.instant().isBefore(state.openUntil());
    }

    /** A call to {@code target} succeeded: its circuit closes. */
    public void succeeded(UUID target) {
        states.remove(target);
    }

    /** A call to {@code target} that took {@code took} failed in a way that says the receiver is in trouble. */
    public void failed(UUID target, Duration took) {
        Instant openUntil = clock.instant().plus(openFor);
        int failures = took.compareTo(slowCall) >= 0 ? threshold : 1;
        states.merge(
                target,
                new State(failures, openUntil),
                (old, now) -> new State(Math.max(old.failures() + 1, now.failures()), now.openUntil()));
    }
}
