package org.stockalerts.alerting.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockReadingTest {

    private static final Instant T = Instant.parse("2026-12-04T06:00:00Z");

    @Test
    void takesTheReferenceAsReadHalfWayThroughTheRoundTrip() {
        // Given a host six minutes ahead: the question leaves at host T+6m, the reference reads T+10ms,
        // the answer is back at host T+6m+20ms
        ClockSample sample = new ClockSample(
                T.plus(Duration.ofMinutes(6)),
                T.plusMillis(10),
                T.plus(Duration.ofMinutes(6)).plusMillis(20));

        // Then the host is exactly six minutes ahead, measured with a 20 ms round trip
        assertThat(sample.roundTrip()).isEqualTo(Duration.ofMillis(20));
        assertThat(sample.skew()).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void aHostBehindHasANegativeSkew() {
        ClockSample sample = new ClockSample(T, T.plusSeconds(90).plusMillis(2), T.plusMillis(4));

        assertThat(sample.skew()).isEqualTo(Duration.ofSeconds(-90));
    }

    @Test
    void keepsTheSampleWithTheShortestRoundTrip() {
        // Given three samples: a slow first one (a new connection), a quick one, a queued one
        List<ClockSample> samples = List.of(
                new ClockSample(T, T.plusMillis(300), T.plusMillis(400)),
                new ClockSample(
                        T.plusSeconds(1),
                        T.plusSeconds(1).plusMillis(1),
                        T.plusSeconds(1).plusMillis(2)),
                new ClockSample(
                        T.plusSeconds(2),
                        T.plusSeconds(2).plusMillis(45),
                        T.plusSeconds(2).plusMillis(50)));

        // When the best is taken
        ClockReading reading = ClockReading.best("postgresql", samples);

        // Then it is the 2 ms one, dated when its answer came back
        assertThat(reading.roundTrip()).isEqualTo(Duration.ofMillis(2));
        assertThat(reading.skew()).isEqualTo(Duration.ZERO);
        assertThat(reading.measuredAt()).isEqualTo(T.plusSeconds(1).plusMillis(2));
        assertThat(reading.reference()).isEqualTo("postgresql");
    }

    @Test
    void leavesOutASampleDuringWhichTheHostClockWasSteppedBack() {
        ClockSample stepped = new ClockSample(T, T.plusSeconds(5), T.minusSeconds(30));
        ClockSample honest = new ClockSample(T, T.plusMillis(50), T.plusMillis(100));

        assertThat(ClockReading.best("postgresql", List.of(stepped, honest)).roundTrip())
                .isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> ClockReading.best("postgresql", List.of(stepped)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
