package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.testsupport.MutableClock;

/** What the engine counts: ticks, alerts by condition, and each alert's time from its tick's publication. */
class EngineMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(EventSamples.NOW.plusMillis(40));
    private final EngineMeters meters = new EngineMeters(registry, clock);

    @Test
    void everyConditionHasItsCounterAtZeroBeforeTheFirstAlert() {
        for (Condition condition : Condition.values()) {
            assertThat(registry.get(EngineMeters.ALERTS_FIRED)
                            .tag("condition", condition.name())
                            .counter()
                            .count())
                    .isZero();
        }
        meters.tickEvaluated();
        meters.tickEvaluated();
        assertThat(registry.get(EngineMeters.TICKS_PROCESSED).counter().count()).isEqualTo(2);
    }

    @Test
    void timesTheAlertFromItsTicksPublicationWithBucketsAtTheObjectives() {
        // an alert fired by a tick published 40 ms ago
        meters.fired(EventSamples.alert());

        assertThat(registry.get(EngineMeters.ALERTS_FIRED)
                        .tag("condition", "CROSSES_UP")
                        .counter()
                        .count())
                .isEqualTo(1);
        var timer = registry.get(EngineMeters.TICK_TO_ALERT).timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(timer.takeSnapshot().histogramCounts())
                .extracting(bucket -> Duration.ofNanos((long) bucket.bucket(TimeUnit.NANOSECONDS))
                        .toMillis())
                .containsExactly(10L, 25L, 50L, 100L, 250L);
    }
}
