package org.stockalerts.alerting.clock;

import java.time.Duration;
import java.time.Instant;

/** What the host's clock is worth now, given its last reading. */
public enum ClockStatus {
    /** Measured within {@code max-age}: the corrected time is right to within half the round trip. */
    FRESH,
    /** Measured longer ago, but then within {@code max-skew}: the corrected time is still used. */
    STALE,
    /** Never measured, or measured long ago and then off by more than {@code max-skew}. */
    UNCHECKED;

    /**
     * The status of {@code last} (null: never measured) at {@code hostNow}. A reading dated after
     * {@code hostNow} (the host's clock was stepped back since) is not fresh.
     */
    public static ClockStatus of(ClockReading last, Instant hostNow, ClockSettings settings) {
        if (last == null) {
            return UNCHECKED;
        }
        Duration age = Duration.between(last.measuredAt(), hostNow);
        if (!age.isNegative() && age.compareTo(settings.maxAge()) <= 0) {
            return FRESH;
        }
        return last.skew().abs().compareTo(settings.maxSkew()) <= 0 ? STALE : UNCHECKED;
    }
}
