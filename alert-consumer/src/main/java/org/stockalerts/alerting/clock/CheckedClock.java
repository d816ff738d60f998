package org.stockalerts.alerting.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * alert-consumer's {@link Clock}: the host's clock corrected by the last measured skew against the
 * reference ({@link ClockCheck}, PostgreSQL's clock). Every time the service writes or compares
 * (delivery log, parked retries' due times, the tick time bound, signature timestamps) is thus the
 * reference's, whatever the host's clock says. Before the first measurement it is the host's clock.
 */
public final class CheckedClock extends Clock {

    private final HostClock host;
    private final ClockSettings settings;
    private final AtomicReference<ClockReading> last;
    private final ZoneId zone;

    public CheckedClock(HostClock host, ClockSettings settings) {
        this(host, settings, new AtomicReference<>(), ZoneOffset.UTC);
    }

    private CheckedClock(HostClock host, ClockSettings settings, AtomicReference<ClockReading> last, ZoneId zone) {
        this.host = host;
        this.settings = settings;
        this.last = last;
        this.zone = zone;
    }

    /** Takes {@code reading} as the correction from now on. */
    public void record(ClockReading reading) {
        last.set(reading);
    }

    /** The last reading, or null before the first. */
    public ClockReading lastReading() {
        return last.get();
    }

    public ClockStatus status() {
        return ClockStatus.of(last.get(), host.clock().instant(), settings);
    }

    /**
     * The corrected time, for what a receiver checks against its own clock (a webhook's signature timestamp).
     *
     * @throws ClockUncheckedException when the host's clock cannot be vouched for now ({@link ClockStatus#UNCHECKED})
     */
    public Instant checkedInstant() {
        ClockReading reading = last.get();
        Instant hostNow = host.clock().instant();
        if (ClockStatus.of(reading, hostNow, settings) == ClockStatus.UNCHECKED) {
            throw new ClockUncheckedException(
                    reading == null
                            ? "the host clock has not been checked against the reference yet"
                            : "the host clock was " + reading.skew() + " off at " + reading.measuredAt()
                                    + " and has not been measured since; at most " + settings.maxSkew()
                                    + " is trusted");
        }
        return corrected(hostNow, reading);
    }

    @Override
    public Instant instant() {
        return corrected(host.clock().instant(), last.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new CheckedClock(host, settings, last, other);
    }

    private static Instant corrected(Instant hostNow, ClockReading reading) {
        return reading == null ? hostNow : hostNow.minus(reading.skew());
    }

    /** How far the host's clock was ahead of the reference at the last reading (zero before the first). */
    public Duration skew() {
        ClockReading reading = last.get();
        return reading == null ? Duration.ZERO : reading.skew();
    }
}
