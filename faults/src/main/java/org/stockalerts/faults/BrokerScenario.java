package org.stockalerts.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.stockalerts.faults.FaultSystem.Service;

/**
 * C5: under load, {@code kill -9} the broker, keep it down for each of the given durations, start it
 * again on the same ports and data, and measure how long each service takes to answer UP again after
 * the broker is back (target: 60 s). Sends that fail while the broker is down are counted, not recorded.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class BrokerScenario {

    private static final Duration BACK = Duration.ofMinutes(10);
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private final Options options;

    /** One outage per down time; for each, every service's time to UP after the broker's restart. */
    List<KillScenario.Kill> run(LoadedRun run) throws Exception {
        FaultSystem system = run.system();
        List<KillScenario.Kill> back = new ArrayList<>();
        for (int down : options.brokerDownSeconds()) {
            LockSupport.parkNanos(SETTLE.toNanos());
            system.broker().kill();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(down));
            system.broker().restart();
            long restarted = System.nanoTime();
            for (Service service : Service.values()) {
                system.awaitUp(service, BACK);
                Duration toUp = Duration.ofNanos(System.nanoTime() - restarted);
                System.out.printf("broker down %d s: %s UP %s after the broker%n", down, service.module, toUp);
                back.add(new KillScenario.Kill(service, toUp, null, null));
            }
        }
        return back;
    }
}
