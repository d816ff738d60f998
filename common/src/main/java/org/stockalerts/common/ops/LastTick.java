package org.stockalerts.common.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * When a service last handled a tick, as the gauge {@value #METRIC} (seconds since the epoch; NaN before the first):
 * {@code ./stock-alerts status} shows it, and an alerting rule on its age says the market data went stale. One per
 * service, shared by all its threads; marking costs one volatile write.
 */
public final class LastTick {

    /** The gauge's name; Prometheus shows it as {@code stockalerts_ticks_last_seconds}. */
    public static final String METRIC = "stockalerts.ticks.last";

    private volatile long millis;

    /** Registers the gauge in {@code registry}, {@code description} saying what "handled" means in this service. */
    public LastTick(MeterRegistry registry, String description) {
        Gauge.builder(METRIC, this, LastTick::seconds)
                .description(description)
                .baseUnit("seconds")
                .register(registry);
    }

    /** A tick was handled now. */
    public void mark() {
        millis = System.currentTimeMillis();
    }

    double seconds() {
        long last = millis;
        return last == 0 ? Double.NaN : last / 1000.0;
    }
}
