package org.stockalerts.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.faults.FaultSystem.Service;

/**
 * C1, C2 and C3: under load, {@code kill -9} a service (C3: and delete its Kafka Streams state), start
 * it again at once, and measure how long it takes to answer UP, to catch up with the ticks (lag at
 * most one second of load) and, for api-service, to drain its outbox; {@code kills} times, a random
 * 5–30 s (options) apart.
 */
final class KillScenario {

    private static final Duration BACK = Duration.ofMinutes(10);
    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    /** What one kill cost: to UP, to caught up (null: not within 5 min, or no group to measure). */
    record Kill(Service service, Duration toUp, Duration toCaughtUp, Duration outboxDrained) {}

    private final Options options;
    private final Random random;

    KillScenario(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    List<Kill> run(LoadedRun run, List<Service> targets, boolean wipeState) throws Exception {
        FaultSystem system = run.system();
        List<Kill> kills = new ArrayList<>();
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            for (int k = 0; k < options.kills(); k++) {
                for (Service target : targets) {
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(options.minGapSeconds()
                            + random.nextInt(options.maxGapSeconds() - options.minGapSeconds() + 1)));
                    if (target == Service.API) {
                        OutboxTraffic.changeRules(system.apiBaseUrl(), run.population(), 20);
                    }
                    system.kill(target);
                    if (wipeState) {
                        delete(system.stateDir(target));
                    }
                    system.restart(target);
                    Kill kill = measure(system, lag, target, 0, options.rate());
                    System.out.printf(
                            "kill %d of %s: UP after %s, caught up after %s, outbox drained after %s%n",
                            k + 1, target.module, kill.toUp(), kill.toCaughtUp(), kill.outboxDrained());
                    kills.add(kill);
                }
            }
        }
        return kills;
    }

    /**
     * How long the restarted {@code instance} of {@code target} took to answer UP, its group to be back within
     * {@code rate} ticks of the end, and (api-service) the outbox to drain, all from now.
     */
    static Kill measure(FaultSystem system, ConsumerLag lag, Service target, int instance, int rate) throws Exception {
        long start = System.nanoTime();
        system.awaitUp(target, instance, BACK);
        Duration toUp = Duration.ofNanos(System.nanoTime() - start);
        Duration caughtUp = null;
        if (target.tickGroup != null) {
            caughtUp = lag.timeToCatchUp(target.tickGroup, Topics.STOCK_PRICES.name(), rate, CATCH_UP);
            caughtUp = caughtUp == null ? null : caughtUp.plus(toUp);
        }
        Duration drained = null;
        if (target == Service.API) {
            StoredRows rows = new StoredRows(system.database());
            while (rows.unpublishedOutbox() > 0 && System.nanoTime() - start < BACK.toNanos()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            drained = Duration.ofNanos(System.nanoTime() - start);
        }
        return new Kill(target, toUp, caughtUp, drained);
    }

    private static void delete(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
