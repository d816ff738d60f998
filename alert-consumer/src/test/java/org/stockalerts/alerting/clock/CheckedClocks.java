package org.stockalerts.alerting.clock;

import java.time.Clock;
import java.time.Duration;

/** Checked clocks for tests that do not measure against PostgreSQL. */
public final class CheckedClocks {

    /** The defaults: refresh 30 s, 3 samples, fresh for 2 min, 30 s skew trusted when stale. */
    public static final ClockSettings SETTINGS =
            new ClockSettings(Duration.ofSeconds(30), 3, Duration.ofMinutes(2), Duration.ofSeconds(30));

    private CheckedClocks() {}

    /** {@code host} as a checked clock that has just measured it exact. */
    public static CheckedClock checked(Clock host) {
        CheckedClock clock = new CheckedClock(new HostClock(host), SETTINGS);
        clock.record(new ClockReading("test", Duration.ZERO, Duration.ZERO, host.instant()));
        return clock;
    }
}
