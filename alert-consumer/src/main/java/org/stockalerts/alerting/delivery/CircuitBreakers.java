package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per webhook target. After {@code threshold} failed calls in a row, or at
 * once after a failed call that took {@code slowCall} or longer (a first attempt that used up its
 * budget: the costly kind), the target's circuit opens: for {@code openFor} no call is made and
 * attempts fail at once, so a receiver that never answers stops costing the targets behind it a
 * timeout per alert. After that only retries may probe it. First attempts keep failing fast until
 * a probe succeeds within {@code slowCall}: a receiver that answers, but slower than that, is
 * served by the retry topics alone, so the main delivery topic only ever waits on receivers that
 * have shown they answer within the first-attempt budget.
 */
public final class CircuitBreakers {

    /** Whether an attempt may call its target, and why not. */
    public enum Decision {
        /** Call it. */
        CALL,
        /** Not now: it failed repeatedly, or a call to it timed out. */
        OPEN,
        /** Not on a first attempt: it answered, but slower than the first-attempt budget. */
        SLOW
    }

    /** {@code slow}: the last success took {@code slowCall} or longer. */
    private record State(int failures, Instant openUntil, boolean slow) {}

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
     * @param retry whether the call is a retry (may probe a circuit whose open period is over, and
     *     may call a slow receiver)
     */
    public Decision decide(UUID target, boolean retry) {
        State state = states.get(target);
        if (state == null) {
            return Decision.CALL;
        }
        if (state.failures() >= threshold) {
            return retry && !clock.instant().isBefore(state.openUntil()) ? Decision.CALL : Decision.OPEN;
        }
        return state.slow() && !retry ? Decision.SLOW : Decision.CALL;
    }

    /**
     * How long from now until an open circuit lets a retry probe {@code target}; zero when it may
     * be called now.
     */
    public Duration untilProbe(UUID target) {
        State state = states.get(target);
        if (state == null || state.openUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), state.openUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * A call to {@code target} that took {@code took} succeeded: its circuit closes, and first
     * attempts may call it again unless it answered in {@code slowCall} or later.
     *
     * @return whether this closed a circuit that was open (the call was a probe that got through)
     */
    public boolean succeeded(UUID target, Duration took) {
        State before = isSlow(took) ? states.put(target, new State(0, null, true)) : states.remove(target);
        return before != null && before.failures() >= threshold;
    }

    /**
     * A call to {@code target} that took {@code took} failed in a way that says the receiver is in trouble.
     *
     * @return whether this opened its circuit (it was closed before)
     */
    public boolean failed(UUID target, Duration took) {
        Instant openUntil = clock.instant().plus(openFor);
        boolean slow = isSlow(took);
        int failures = slow ? threshold : 1;
        boolean[] opened = new boolean[1];
        states.compute(target, (key, old) -> {
            State now = old == null
                    ? new State(failures, openUntil, slow)
                    : new State(Math.max(old.failures() + 1, failures), openUntil, old.slow() || slow);
            opened[0] = now.failures() >= threshold && (old == null || old.failures() < threshold);
            return now;
        });
        return opened[0];
    }

    private boolean isSlow(Duration took) {
        return took.compareTo(slowCall) >= 0;
    }
}
