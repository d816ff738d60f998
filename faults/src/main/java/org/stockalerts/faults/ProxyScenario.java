package org.stockalerts.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.stockalerts.faults.FaultSystem.Service;
import org.stockalerts.testsupport.TcpProxy;

/**
 * C7: under load, the proxy between alert-consumer and the broker first holds every byte (a blackhole:
 * connections stay open, nothing flows), then forwards with an added latency each way, then heals;
 * the tick-to-alert latencies are cut into windows of each phase, with the time after the heal until a
 * window's p99 is under 100 ms (target: 60 s). The phases keep their times whatever the service does.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class ProxyScenario {

    static final Duration WINDOW = Duration.ofSeconds(10);
    static final Duration P99_TARGET = Duration.ofMillis(100);

    private final Options options;

    /** When each phase started, and when the last one ended. */
    record Timeline(List<LatencyWindows.Phase> phases, Instant end) {

        /** The alerts' latencies in windows of each phase; alerts of ticks sent after the end are left out. */
        LatencyWindows windows(List<LatencyWindows.Sample> samples) {
            return LatencyWindows.of(samples, phases, end, WINDOW, P99_TARGET);
        }
    }

    /** Runs the phases under the load; the latencies are read once the run has drained (every alert in). */
    Timeline run(LoadedRun run) {
        Options.ProxyPhases phases = options.proxyPhases();
        TcpProxy proxy = run.system().broker().proxy();
        List<LatencyWindows.Phase> started = new ArrayList<>();
        started.add(new LatencyWindows.Phase("baseline", Instant.now()));
        pause(phases.baselineSeconds());
        if (phases.blackholeSeconds() > 0) {
            proxy.blackhole();
            started.add(new LatencyWindows.Phase("blackhole", Instant.now()));
            System.out.printf("proxy: blackhole for %d s%n", phases.blackholeSeconds());
            pause(phases.blackholeSeconds());
        }
        if (phases.latencySeconds() > 0) {
            proxy.heal();
            proxy.latency(Duration.ofMillis(phases.addedLatencyMillis()));
            started.add(new LatencyWindows.Phase("latency", Instant.now()));
            System.out.printf(
                    "proxy: %d ms added each way for %d s%n", phases.addedLatencyMillis(), phases.latencySeconds());
            pause(phases.latencySeconds());
        }
        proxy.heal();
        started.add(new LatencyWindows.Phase("healed", Instant.now()));
        System.out.printf(
                "proxy: healed; %s UP: %s%n",
                Service.ALERTS.module, run.system().process(Service.ALERTS).isUp());
        pause(phases.afterHealSeconds());
        return new Timeline(List.copyOf(started), Instant.now());
    }

    private static void pause(int seconds) {
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
    }
}
