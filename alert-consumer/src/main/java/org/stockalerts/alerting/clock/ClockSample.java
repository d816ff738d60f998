package org.stockalerts.alerting.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * One round trip to the reference clock: the host's time when the question left ({@code sent}) and
 * when the answer came back ({@code received}), and the reference's time in the answer. Assuming the
 * reference read its clock half-way through the round trip (Cristian's algorithm), the host is
 * {@link #skew()} ahead of it, give or take half the round trip.
 */
public record ClockSample(Instant sent, Instant reference, Instant received) {

    public Duration roundTrip() {
        return Duration.between(sent, received);
    }

    /** How far the host's clock is ahead of the reference (negative: behind). */
    public Duration skew() {
        Instant hostAtReading = sent.plus(roundTrip().dividedBy(2));
        return Duration.between(reference, hostAtReading);
    }
}
