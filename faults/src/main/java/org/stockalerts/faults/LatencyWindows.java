package org.stockalerts.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick-to-alert latencies (scenario C7) cut into windows of tick time: each phase from its own start,
 * in windows of {@code width} (the last one of a phase takes the rest, from half to one and a half
 * widths), with the alerts' p50 and p99.
 * An alert belongs to the window of its tick, so a window of the blackhole holds the alerts its ticks
 * fired, however late they came. Recovery is the time from the last phase's start (the final heal) to
 * the end of its first window whose p99 is under the threshold; null when none is. Windows of that
 * phase after the recovering one that go over the threshold again are counted.
 */
record LatencyWindows(List<Window> windows, Duration threshold, Duration recovery, long overAfterRecovery) {

    /** One alert: its tick's send time, and how long until the harness's read_committed consumer had it. */
    record Sample(Instant tick, long latencyMillis) {}

    /** A phase of the run, from {@code start} until the next phase's start. */
    record Phase(String name, Instant start) {}

    /** A window of a phase: its start in seconds after the first phase's, its alerts, their p50 and p99 in ms. */
    record Window(long startSecond, long seconds, String phase, int alerts, long p50Millis, long p99Millis) {}

    /** Cuts {@code samples} into windows of each phase (the last phase ends at {@code end}). */
    static LatencyWindows of(
            List<Sample> samples, List<Phase> phases, Instant end, Duration width, Duration threshold) {
        Instant origin = phases.getFirst().start();
        List<Window> windows = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            Instant phaseEnd = p + 1 < phases.size() ? phases.get(p + 1).start() : end;
            Instant from = phase.start();
            while (from.isBefore(phaseEnd)) {
                Instant next = from.plus(width);
                // a rest shorter than half a window (phases end a few ms past whole windows) joins this one
                Instant to = Duration.between(next, phaseEnd).compareTo(width.dividedBy(2)) < 0 ? phaseEnd : next;
                windows.add(window(samples, phase.name(), origin, from, to));
                from = to;
            }
        }
        Phase healed = phases.getLast();
        long healedStart = Duration.between(origin, healed.start()).toSeconds();
        List<Window> afterHeal = windows.stream()
                .filter(window -> window.phase().equals(healed.name()) && window.alerts() > 0)
                .toList();
        int recovered = 0;
        while (recovered < afterHeal.size() && afterHeal.get(recovered).p99Millis() >= threshold.toMillis()) {
            recovered++;
        }
        if (recovered == afterHeal.size()) {
            return new LatencyWindows(List.copyOf(windows), threshold, null, 0);
        }
        Window first = afterHeal.get(recovered);
        Duration recovery = Duration.ofSeconds(first.startSecond() + first.seconds() - healedStart);
        long over = afterHeal.subList(recovered, afterHeal.size()).stream()
                .filter(window -> window.p99Millis() >= threshold.toMillis())
                .count();
        return new LatencyWindows(List.copyOf(windows), threshold, recovery, over);
    }

    /** The nearest-rank percentile of sorted values (0 when there are none). */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static Window window(List<Sample> samples, String phase, Instant origin, Instant from, Instant to) {
        long[] latencies = samples.stream()
                .filter(sample -> !sample.tick().isBefore(from) && sample.tick().isBefore(to))
                .mapToLong(Sample::latencyMillis)
                .sorted()
                .toArray();
        return new Window(
                Duration.between(origin, from).toSeconds(),
                Duration.between(from, to).toSeconds(),
                phase,
                latencies.length,
                percentile(latencies, 50),
                percentile(latencies, 99));
    }
}
