package org.stockalerts.alerting.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.ops.LastTick;
import org.stockalerts.common.ops.LatencyObjectives;

/**
 * What the engine counts (docs/operations.md, "Metrics"): ticks evaluated, alerts fired by condition, and the time
 * from a tick's publication to the alert it fired, with buckets at the latency objectives. Every meter is made once,
 * so a tick costs one counter increment.
 */
final class EngineMeters {

    /** Counter of the ticks the engine evaluated (newer than their symbol's last one). */
    static final String TICKS_PROCESSED = "stockalerts.ticks.processed";

    /** Counter of the alerts fired, tagged {@code condition}. */
    static final String ALERTS_FIRED = "stockalerts.alerts.fired";

    /** Timer from a tick's publication ({@code occurredAt}) to the alert it fired. */
    static final String TICK_TO_ALERT = "stockalerts.alerts.tick.to.alert";

    private final Counter ticks;
    private final Map<Condition, Counter> fired = new EnumMap<>(Condition.class);
    private final Timer tickToAlert;
    private final Clock clock;
    private final LastTick lastTick;

    EngineMeters(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        lastTick = new LastTick(meters, "When the alert engine last evaluated a tick, seconds since the epoch");
        ticks = Counter.builder(TICKS_PROCESSED)
                .description("Ticks the alert engine evaluated")
                .register(meters);
        for (Condition condition : Condition.values()) {
            fired.put(
                    condition,
                    Counter.builder(ALERTS_FIRED)
                            .description("Alerts fired, by condition")
                            .tag("condition", condition.name())
                            .register(meters));
        }
        tickToAlert = Timer.builder(TICK_TO_ALERT)
                .description("From a tick's publication to the alert it fired")
                .serviceLevelObjectives(LatencyObjectives.buckets())
                .register(meters);
    }

    void tickEvaluated() {
        ticks.increment();
        lastTick.mark();
    }

    void fired(AlertTriggered alert) {
        fired.get(alert.rule().condition()).increment();
        if (alert.tick() != null && alert.tick().occurredAt() != null) {
            Duration latency = Duration.between(alert.tick().occurredAt(), clock.instant());
            if (!latency.isNegative()) {
                tickToAlert.record(latency);
            }
        }
    }
}
