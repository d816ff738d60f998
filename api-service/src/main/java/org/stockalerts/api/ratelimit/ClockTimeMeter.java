package org.stockalerts.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/** Bucket4j's time from the service's {@link Clock}, so tests move the buckets' time by hand. */
record ClockTimeMeter(Clock clock) implements TimeMeter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
