package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.faults.PublisherTimeline.Reading;

class PublisherTimelineTest {

    private static final Reading GONE = Reading.ABSENT;

    @Test
    void anInstancePublishedWhenItsCounterGrewOrItRestartedAndCountedAny() {
        assertThat(PublisherTimeline.publishers(sample(0, led(10), idle(0)), sample(1, led(13), idle(0))))
                .containsExactly(0);
        // restarted between the samples: counter lower than before, or no answer before
        assertThat(PublisherTimeline.publishers(sample(0, led(10), GONE), sample(1, idle(2), led(4))))
                .containsExactly(0, 1);
        assertThat(PublisherTimeline.publishers(sample(0, led(10), GONE), sample(1, idle(0), idle(0))))
                .isEmpty();
        assertThat(PublisherTimeline.publishers(sample(0, led(10), idle(0)), sample(1, GONE, idle(0))))
                .isEmpty();
    }

    @Test
    void oneOverlappingIntervalIsAHandoverButTwoRunningAreTwoPollers() {
        PublisherTimeline handover = timeline(
                sample(0, led(0), idle(0)),
                sample(1000, led(3), idle(0)),
                sample(2000, idle(6), led(2)),
                sample(3000, idle(6), led(5)));
        PublisherTimeline twoPollers = timeline(
                sample(0, led(0), idle(0)),
                sample(1000, led(3), led(3)),
                sample(2000, led(6), led(6)),
                sample(3000, led(9), led(6)));

        assertThat(handover.verdict().overlaps()).isEqualTo(1);
        assertThat(handover.verdict().onePublisher()).isTrue();
        assertThat(twoPollers.verdict().longestOverlapRun()).isEqualTo(2);
        assertThat(twoPollers.verdict().twoLeaderSamples()).isEqualTo(3);
        assertThat(twoPollers.verdict().onePublisher()).isFalse();
    }

    @Test
    void aTimelineWithoutAnyPublicationFails() {
        PublisherTimeline silent = timeline(sample(0, idle(0), idle(0)), sample(1000, idle(0), idle(0)));

        assertThat(silent.verdict().publishingIntervals()).isZero();
        assertThat(silent.verdict().onePublisher()).isFalse();
        assertThat(silent.verdict().longestSilence()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void publishingResumesAtTheFirstIntervalAfterTheKillWithAPublisher() {
        PublisherTimeline killed = timeline(
                sample(0, led(0), idle(0)),
                sample(1000, led(3), idle(0)),
                sample(2000, GONE, idle(0)),
                sample(3000, GONE, idle(0)),
                sample(4000, GONE, led(1)),
                sample(5000, idle(0), led(4)));

        // killed at 1500: instance 1 published in 3000-4000, the first interval with a publisher since
        assertThat(killed.resumedAfter(1500, 0)).isEqualTo(Duration.ofMillis(2500));
        assertThat(killed.resumedAfter(1000, 0)).isEqualTo(Duration.ofSeconds(3));
        // the interval 4000-5000 started before the kill at 4500: no interval since shows a publisher
        assertThat(killed.resumedAfter(4500, 0)).isNull();
        assertThat(killed.verdict().longestSilence()).isEqualTo(Duration.ofSeconds(2));
        assertThat(killed.leader()).isEqualTo(1);
        assertThat(timeline(sample(0, GONE, GONE)).leader()).isEqualTo(-1);
    }

    @Test
    void theStoppingLeadersOwnTicksAreNoResumptionAndSilentInstancesAreCounted() {
        PublisherTimeline stopping = timeline(
                sample(0, led(0), idle(0)),
                sample(1000, led(3), idle(0)),
                sample(2000, led(5), idle(0)),
                sample(3000, GONE, idle(0)),
                sample(4000, GONE, led(2)));

        // SIGTERM at 1000: the leader still published in 1000-2000, its successor only in 3000-4000
        assertThat(stopping.resumedAfter(1000, 0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(stopping.resumedAfter(1000, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(stopping.answered(0)).isEqualTo(0.6);
        assertThat(stopping.answered(1)).isEqualTo(1.0);
        assertThat(timeline().answered(0)).isZero();
    }

    @Test
    void readsTheSimulatedFeedsPublishedTicksAndTheLeaderGaugeFromPrometheusText() {
        String exposition = """
                # HELP stockalerts_ticks_published_total Ticks sent to Kafka, by source and outcome
                # TYPE stockalerts_ticks_published_total counter
                stockalerts_ticks_published_total{application="api-service",outcome="failed",source="SIMULATED"} 2.0
                stockalerts_ticks_published_total{application="api-service",outcome="published",source="REPLAY"} 9.0
                stockalerts_ticks_published_total{application="api-service",outcome="published",source="SIMULATED"} 1234.0
                stockalerts_marketdata_leader{application="api-service"} 1.0
                """;

        assertThat(PollerWatch.parse(exposition)).isEqualTo(new Reading(1234L, true));
        assertThat(PollerWatch.parse("stockalerts_marketdata_leader 0.0\n")).isEqualTo(GONE);
        assertThat(PollerWatch.parse(exposition.replace("leader{application=\"api-service\"} 1.0", "leader 0.0")))
                .isEqualTo(new Reading(1234L, false));
    }

    private static Reading led(long published) {
        return new Reading(published, true);
    }

    private static Reading idle(long published) {
        return new Reading(published, false);
    }

    private static PublisherTimeline.Sample sample(long at, Reading... readings) {
        return new PublisherTimeline.Sample(at, List.of(readings));
    }

    private static PublisherTimeline timeline(PublisherTimeline.Sample... samples) {
        PublisherTimeline timeline = new PublisherTimeline();
        List.of(samples).forEach(timeline::add);
        return timeline;
    }
}
