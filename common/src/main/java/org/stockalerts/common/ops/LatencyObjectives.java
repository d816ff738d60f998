package org.stockalerts.common.ops;

import java.time.Duration;

/**
 * The latency objectives every latency histogram of the system (tick to alert, alert to delivery) has a bucket at, so
 * a dashboard or an alerting rule reads the share of events within each straight from the histogram.
 */
public final class LatencyObjectives {

    private LatencyObjectives() {}

    /** 10, 25, 50, 100 and 250 ms: a new array at each call, so no caller can change another's. */
    public static Duration[] buckets() {
        return new Duration[] {
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250)
        };
    }
}
