package org.stockalerts.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.stockalerts.faults.FaultSystem.Service;

/**
 * S1, two of everything (issue #23): every service runs as two instances against the one broker and database
 * ({@link FaultSystem.Setup#twice()}), the users' alert stream clients spread over both api-service instances, and
 * api-service's market-data poller on the simulated feed for symbols of its own. Under the load, a rolling restart
 * stops each instance in turn gracefully (SIGTERM, waits for it to exit), starts it again and waits until it is UP
 * and its group caught up before the next; then one instance of each service in turn is {@code kill -9}ed and
 * started again (api-service: the leading one). Each instance's connection pool is {@link #POOL_SIZE}. Checked besides the sinks: each SSE client receives every alert of its
 * user, whichever instance it is on; exactly one poller publishes ({@link PublisherTimeline}), and publishing
 * resumes within {@link #RESUME_TARGET} after its leader is killed or stopped; every instance exits within
 * {@link #STOP_TIMEOUT} of its SIGTERM.
 */
final class ScaleScenario {

    static final String NAME = "S1";
    /** The simulated feed's symbols: none of them is the load's. */
    static final List<String> POLLED_SYMBOLS = List.of("AAPL", "MSFT", "IBM");

    /** Each instance's connection pool: 2 × 3 × 5 = 30 connections, as a shared server's budget allows. */
    static final int POOL_SIZE = 5;

    static final Duration RESUME_TARGET = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RESUME_WAIT = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** The least share of poller samples each api-service instance must answer for the verdict to see it. */
    static final double MIN_ANSWERED = 0.5;

    private static final List<Service> IN_TURN =
            List.of(Service.API, Service.ALERTS, Service.PERSISTENCE, Service.ANALYTICS);

    private final Options options;
    private final ScenarioNotes notes;
    private final Random random;
    private final List<String> failures = new ArrayList<>();
    /** The leader handovers measured ("SIGTERM", "kill -9"). */
    private final Set<String> checkedHandovers = new HashSet<>();

    ScaleScenario(Options options, ScenarioNotes notes) {
        this.options = options;
        this.notes = notes;
        this.random = new Random(options.seed());
    }

    static boolean runsTwice(String scenario) {
        return scenario.equals(NAME);
    }

    /**
     * S1's api-service runs the market-data poller on the simulated feed for {@link #POLLED_SYMBOLS}, never for the
     * load's symbols (nor the spare rule's, {@code FTOUT}), whose ticks only the load produces.
     */
    static Map<Service, Map<String, String>> environment(String scenario) {
        if (!runsTwice(scenario)) {
            return Map.of();
        }
        // HikariCP keeps each pool full: two instances of the three database services at the default 10 hold 60
        // connections, and a restarted instance was refused by a shared server's max_connections (100)
        Map<String, String> pool = Map.of("DATABASE_POOL_SIZE", String.valueOf(POOL_SIZE));
        String excluded = Stream.concat(
                        IntStream.range(0, Population.SYMBOLS).mapToObj(s -> String.format(Locale.ROOT, "FT%03d", s)),
                        Stream.of("FTOUT"))
                .collect(Collectors.joining(","));
        return Map.of(
                Service.API,
                Map.of(
                        "STOCKALERTS_MARKETDATA_ENABLED",
                        "true",
                        "STOCKALERTS_MARKETDATA_PROVIDER",
                        "simulated",
                        "STOCKALERTS_MARKETDATA_EXTRA_SYMBOLS",
                        String.join(",", POLLED_SYMBOLS),
                        "STOCKALERTS_MARKETDATA_EXCLUDED_SYMBOLS",
                        excluded,
                        "DATABASE_POOL_SIZE",
                        String.valueOf(POOL_SIZE)),
                Service.ALERTS,
                pool,
                Service.PERSISTENCE,
                pool);
    }

    /** What S1 found against its own targets (the poller, the graceful stops); empty when it met them. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    List<KillScenario.Kill> run(LoadedRun run) throws Exception {
        FaultSystem system = run.system();
        List<KillScenario.Kill> kills = new ArrayList<>();
        try (PollerWatch watch = new PollerWatch(
                        system.instances(), i -> system.process(Service.API, i).managementUrl());
                ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            LockSupport.parkNanos(SETTLE.toNanos());
            notes.add(
                    "api-service instance %d leads the market-data poller",
                    watch.timeline().leader() + 1);
            // the rolling restart first: on a saturated machine a run may not reach its end before a deadline, and
            // the graceful stops are what the kills of C1-C3 have not measured yet
            for (Service service : IN_TURN) {
                for (int instance = 0; instance < system.instances(); instance++) {
                    pause();
                    kills.add(rollingRestart(run, watch, lag, service, instance));
                }
            }
            int turn = 0;
            for (Service service : IN_TURN) {
                pause();
                int instance = service == Service.API ? leaderOr(watch, 0) : turn++ % system.instances();
                if (service == Service.API) {
                    changeRules(run, instance);
                }
                long at = System.currentTimeMillis();
                boolean leader = service == Service.API && watch.timeline().leader() == instance;
                system.kill(service, instance);
                system.restart(service, instance);
                KillScenario.Kill kill = KillScenario.measure(system, lag, service, instance, options.rate());
                kills.add(kill);
                notes.add(
                        "kill -9 of %s instance %d%s: UP after %s, caught up after %s, outbox drained after %s",
                        service.module,
                        instance + 1,
                        leader ? " (the poller's leader)" : "",
                        ScenarioNotes.seconds(kill.toUp()),
                        ScenarioNotes.seconds(kill.toCaughtUp()),
                        ScenarioNotes.seconds(kill.outboxDrained()));
                if (leader) {
                    checkResumed(watch, at, instance, "kill -9");
                }
            }
            LockSupport.parkNanos(SETTLE.toNanos());
            judgePoller(watch.timeline(), system.instances());
            notes.add(
                    "SSE: %d reconnects, each to the other api-service instance",
                    run.streams().movedReconnects());
        }
        return kills;
    }

    private KillScenario.Kill rollingRestart(
            LoadedRun run, PollerWatch watch, ConsumerLag lag, Service service, int instance) throws Exception {
        FaultSystem system = run.system();
        if (service == Service.API) {
            changeRules(run, instance);
        }
        boolean leader = service == Service.API && watch.timeline().leader() == instance;
        long at = System.currentTimeMillis();
        Duration stopped;
        try {
            stopped = system.stopGracefully(service, instance, STOP_TIMEOUT);
            if (stopped == null) {
                failures.add(service.module + " instance " + (instance + 1) + " did not exit within "
                        + STOP_TIMEOUT.toSeconds() + " s of SIGTERM");
            }
        } catch (IllegalStateException e) {
            failures.add(e.getMessage());
            stopped = null;
        }
        system.restart(service, instance);
        KillScenario.Kill restart = KillScenario.measure(system, lag, service, instance, options.rate());
        notes.add(
                "rolling restart of %s instance %d%s: exited %s after SIGTERM, UP after %s, caught up after %s,"
                        + " outbox drained after %s",
                service.module,
                instance + 1,
                leader ? " (the poller's leader)" : "",
                stopped == null ? "only when killed, not" : ScenarioNotes.seconds(stopped),
                ScenarioNotes.seconds(restart.toUp()),
                ScenarioNotes.seconds(restart.toCaughtUp()),
                ScenarioNotes.seconds(restart.outboxDrained()));
        if (leader) {
            checkResumed(watch, at, instance, "SIGTERM");
        }
        return restart;
    }

    /**
     * Waits (bounded) until another instance published after the end of the leader {@code stopped} at {@code at}, and
     * judges how long.
     */
    private void checkResumed(PollerWatch watch, long at, int stopped, String how) {
        checkedHandovers.add(how);
        long deadline = System.nanoTime() + RESUME_WAIT.toNanos();
        Duration resumed = watch.timeline().resumedAfter(at, stopped);
        while (resumed == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(PollerWatch.EVERY.toNanos());
            resumed = watch.timeline().resumedAfter(at, stopped);
        }
        notes.add(
                "poller: publishing resumed %s after the leader's %s (target %s), instance %d leads now",
                ScenarioNotes.seconds(resumed),
                how,
                ScenarioNotes.seconds(RESUME_TARGET),
                watch.timeline().leader() + 1);
        if (resumed == null || resumed.compareTo(RESUME_TARGET) > 0) {
            failures.add("market-data publishing resumed " + ScenarioNotes.seconds(resumed) + " after the leader's "
                    + how + ", target " + ScenarioNotes.seconds(RESUME_TARGET));
        }
    }

    private void judgePoller(PublisherTimeline timeline, int instances) {
        for (String how : List.of("SIGTERM", "kill -9")) {
            if (!checkedHandovers.contains(how)) {
                // no sample showed a leader when it was its turn: the handover was never measured
                failures.add("no leader's " + how + " was checked: no instance reported leading at its turn");
            }
        }
        for (int instance = 0; instance < instances; instance++) {
            double answered = timeline.answered(instance);
            if (answered < MIN_ANSWERED) {
                failures.add(String.format(
                        Locale.ROOT,
                        "api-service instance %d answered only %.0f %% of the poller samples (at least %.0f %%):"
                                + " its publishing went unseen",
                        instance + 1,
                        100 * answered,
                        100 * MIN_ANSWERED));
            }
        }
        PublisherTimeline.Verdict verdict = timeline.verdict();
        notes.add(
                "poller: %d sampled intervals of %s, ticks published in %d, by two instances in %d (longest run %d),"
                        + " two instances reporting leader in %d samples, longest silence %s",
                verdict.intervals(),
                ScenarioNotes.seconds(PollerWatch.EVERY),
                verdict.publishingIntervals(),
                verdict.overlaps(),
                verdict.longestOverlapRun(),
                verdict.twoLeaderSamples(),
                ScenarioNotes.seconds(verdict.longestSilence()));
        if (!verdict.onePublisher()) {
            failures.add(
                    verdict.publishingIntervals() == 0
                            ? "the market-data poller never published"
                            : "two pollers published in " + verdict.longestOverlapRun() + " intervals running");
        }
    }

    /**
     * Rule changes through {@code instance}'s outbox just before it goes, as C2 makes them. A call that times out (a
     * JVM just restarted, on a saturated machine) is noted: the outbox check then has less to drain, the run goes on.
     */
    private void changeRules(LoadedRun run, int instance) {
        try {
            OutboxTraffic.changeRules(run.system().apiBaseUrl(instance), run.population(), 20);
        } catch (Exception e) {
            notes.add("rule changes through api-service instance %d failed: %s", instance + 1, e);
        }
    }

    private static int leaderOr(PollerWatch watch, int otherwise) {
        int leader = watch.timeline().leader();
        return leader < 0 ? otherwise : leader;
    }

    private void pause() {
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(
                options.minGapSeconds() + random.nextInt(options.maxGapSeconds() - options.minGapSeconds() + 1)));
    }
}
