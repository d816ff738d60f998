package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.stockalerts.faults.LatencyWindows.Phase;
import org.stockalerts.faults.LatencyWindows.Sample;
import org.stockalerts.faults.LatencyWindows.Window;

class LatencyWindowsTest {

    private static final Instant T0 = Instant.parse("2026-12-04T05:00:00Z");
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Duration TARGET = Duration.ofMillis(100);

    @Test
    void percentilesAreNearestRank() {
        long[] hundred = LongStream.rangeClosed(1, 100).toArray();

        assertThat(LatencyWindows.percentile(hundred, 50)).isEqualTo(50);
        assertThat(LatencyWindows.percentile(hundred, 99)).isEqualTo(99);
        assertThat(LatencyWindows.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(LatencyWindows.percentile(new long[0], 99)).isZero();
    }

    @Test
    void eachPhaseIsCutIntoWindowsFromItsOwnStartAndAnAlertCountsInItsTicksWindow() {
        // Given a 15-s baseline and a 10-s blackhole whose tick's alert came 9 s late
        List<Phase> phases = List.of(new Phase("baseline", T0), new Phase("blackhole", T0.plusSeconds(15)));
        List<Sample> samples =
                List.of(sample(1, 20), sample(12, 30), sample(16, 9_000), sample(25, 5) /* after the end */);

        // When cut into 10-s windows
        LatencyWindows windows = LatencyWindows.of(samples, phases, T0.plusSeconds(25), TEN_SECONDS, TARGET);

        // Then the baseline has a full and a 5-s window, the blackhole one window with the late alert
        assertThat(windows.windows())
                .containsExactly(
                        new Window(0, 10, "baseline", 1, 20, 20),
                        new Window(10, 5, "baseline", 1, 30, 30),
                        new Window(15, 10, "blackhole", 1, 9_000, 9_000));
    }

    @Test
    void aRestShorterThanHalfAWindowJoinsThePhasesLastWindow() {
        // Given a phase of 20.4 s
        List<Phase> phases = List.of(new Phase("baseline", T0));

        // When cut into 10-s windows
        LatencyWindows windows =
                LatencyWindows.of(List.of(sample(20, 30)), phases, T0.plusMillis(20_400), TEN_SECONDS, TARGET);

        // Then it has two windows, the second one with the tick of second 20
        assertThat(windows.windows())
                .containsExactly(new Window(0, 10, "baseline", 0, 0, 0), new Window(10, 10, "baseline", 1, 30, 30));
    }

    @Test
    void recoveryIsTheEndOfTheFirstHealedWindowUnderTheTargetAndLaterRelapsesAreCounted() {
        // Given a heal at 10 s, then windows with p99 of 900 ms, 150 ms, 50 ms, 120 ms, 40 ms
        List<Phase> phases = List.of(new Phase("latency", T0), new Phase("healed", T0.plusSeconds(10)));
        long[] p99s = {900, 150, 50, 120, 40};
        List<Sample> samples = new ArrayList<>();
        for (int w = 0; w < p99s.length; w++) {
            samples.add(sample(10 + 10 * w + 1, p99s[w]));
        }

        // When cut into windows
        LatencyWindows windows = LatencyWindows.of(samples, phases, T0.plusSeconds(60), TEN_SECONDS, TARGET);

        // Then the p99 was under 100 ms at the end of the heal's third window, and went over once more
        assertThat(windows.recovery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(windows.overAfterRecovery()).isEqualTo(1);
    }

    @Test
    void aHealedPhaseWithoutAWindowUnderTheTargetNeverRecoveredAndEmptyWindowsDoNotCount() {
        // Given a heal at 0 s, an empty first window and a slow second one
        List<Phase> phases = List.of(new Phase("healed", T0));
        List<Sample> samples = List.of(sample(15, 400));

        // When cut into windows
        LatencyWindows windows = LatencyWindows.of(samples, phases, T0.plusSeconds(20), TEN_SECONDS, TARGET);

        // Then there was no recovery
        assertThat(windows.windows()).extracting(Window::alerts).containsExactly(0, 1);
        assertThat(windows.recovery()).isNull();
    }

    private static Sample sample(long tickSecond, long latencyMillis) {
        return new Sample(T0.plusSeconds(tickSecond), latencyMillis);
    }
}
