package org.stockalerts.common.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.stockalerts.common.event.PriceTick;

/**
 * The window of time a tick's {@code observedAt} must fall in: at most {@code maxFutureSkew} ahead
 * of the service's clock and at most {@code maxAge} behind it. A tick dated later would freeze its
 * symbol's rules, jump a stream's time and stand as the latest price until its date passes; one
 * dated earlier is history, not a price. Both ends are read from the injected {@link Clock} at the
 * moment a tick is checked, so tests with a fixed clock get a bound around their own "now".
 */
public final class TickTimeBound {

    private final Clock clock;
    private final Duration maxFutureSkew;
    private final Duration maxAge;

    public TickTimeBound(Clock clock, TickTimeSettings settings) {
        this(clock, settings.maxFutureSkew(), settings.maxAge());
    }

    public TickTimeBound(Clock clock, Duration maxFutureSkew, Duration maxAge) {
        if (maxFutureSkew.isNegative() || maxAge.isNegative()) {
            throw new IllegalArgumentException("tick time bounds must not be negative");
        }
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
        this.maxAge = maxAge;
    }

    /** Why a tick observed at {@code observedAt} is refused now, or empty when it is within the bound. */
    public Optional<String> refusal(Instant observedAt) {
        Instant now = clock.instant();
        Duration ahead = Duration.between(now, observedAt);
        if (ahead.compareTo(maxFutureSkew) > 0) {
            return Optional.of("observedAt " + observedAt + " is " + ahead + " ahead of now (" + now + "); at most "
                    + maxFutureSkew + " allowed");
        }
        Duration behind = ahead.negated();
        if (behind.compareTo(maxAge) > 0) {
            return Optional.of("observedAt " + observedAt + " is " + behind + " older than now (" + now + "); at most "
                    + maxAge + " allowed");
        }
        return Optional.empty();
    }

    /**
     * {@code tick}, when within the bound.
     *
     * @throws TickOutOfBoundsException naming {@code topic} and the reason otherwise
     */
    public PriceTick check(PriceTick tick, String topic) {
        Optional<String> refusal = refusal(tick.observedAt());
        if (refusal.isPresent()) {
            throw new TickOutOfBoundsException(
                    topic, "tick " + tick.eventId() + " of " + tick.symbol() + " refused: " + refusal.get());
        }
        return tick;
    }

    /** A serde of ticks whose deserializer refuses ticks outside this bound, for topology sources. */
    public Serde<PriceTick> serde() {
        return Serdes.serdeFrom(new JsonEventSerializer<>(), new PriceTickDeserializer(this));
    }
}
