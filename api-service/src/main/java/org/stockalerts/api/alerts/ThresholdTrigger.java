package org.stockalerts.api.alerts;

import java.time.Duration;
import org.stockalerts.common.event.Require;
import org.stockalerts.common.event.TriggerMode;

/**
 * How the price-at-or-above rule of a holding's threshold fires: once (then disarmed until resumed),
 * or again after {@code cooldown} while the price stays at or above the threshold.
 */
public record ThresholdTrigger(TriggerMode mode, Duration cooldown) {

    /** Fires once, then waits to be resumed. */
    public static final ThresholdTrigger ONCE = new ThresholdTrigger(TriggerMode.ONCE, null);

    /** Fires while the price holds, at most once per {@code interval}, rounded up to whole seconds as rules keep it. */
    public static ThresholdTrigger repeatingEvery(Duration interval) {
        Require.present(interval, "interval");
        long seconds = Math.max(1, interval.plusSeconds(1).minusNanos(1).toSeconds());
        return new ThresholdTrigger(TriggerMode.COOLDOWN, Duration.ofSeconds(seconds));
    }
}
