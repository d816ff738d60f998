package org.stockalerts.alerting.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One measurement of the host's clock against the reference: the {@code skew} (how far the host is
 * ahead), the round trip it was measured with (the skew is right to within half of it), and when it
 * was taken, on the host's clock.
 */
public record ClockReading(String reference, Duration skew, Duration roundTrip, Instant measuredAt) {

    /**
     * The reading of the sample with the shortest round trip, the one least blurred by queueing and
     * scheduling; samples whose answer came back before the question left (the host's clock was
     * stepped meanwhile) are left out.
     *
     * @throws IllegalArgumentException when no sample is usable
     */
    public static ClockReading best(String reference, List<ClockSample> samples) {
        ClockSample best = samples.stream()
                .filter(sample -> !sample.roundTrip().isNegative())
                .min(Comparator.comparing(ClockSample::roundTrip))
                .orElseThrow(() -> new IllegalArgumentException("no usable clock sample among " + samples.size()));
        return new ClockReading(reference, best.skew(), best.roundTrip(), best.received());
    }
}
