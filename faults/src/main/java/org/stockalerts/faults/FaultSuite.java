package org.stockalerts.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.stockalerts.faults.FaultSystem.Service;

/**
 * The fault-injection suite (issue #16): each scenario on a fresh system (broker process, four service
 * processes, or two of each in S1; fresh database) under the simulated load, checked by the oracle at every sink; one result
 * line per scenario on stdout, and a markdown and JSON summary under the work folder. Not a test: run
 * it with {@code benchmarks/run-faults.sh [scenario…] [options]} (see {@link Options}).
 */
public final class FaultSuite {

    private FaultSuite() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.work());
        for (String scenario : options.scenarios()) {
            ScenarioReport report = run(scenario, options);
            System.out.println(report.line());
            Path summary = options.work().resolve(scenario);
            Files.writeString(summary.resolveSibling(scenario + ".md"), report.markdown());
            Files.writeString(summary.resolveSibling(scenario + ".json"), report.json());
        }
        System.exit(0);
    }

    private static ScenarioReport run(String scenario, Options options) throws Exception {
        String loadBefore = ScenarioReport.loadAverage();
        Path work =
                options.work().resolve(scenario.toLowerCase(java.util.Locale.ROOT) + "-" + System.currentTimeMillis());
        try (LoadedRun run = LoadedRun.start(
                work, options.kafkaLib(), options.users(), FaultSystem.Setup.of(scenario, options.images()))) {
            run.startLoad(options.rate());
            // the faults meet a system in its steady state under the load, not one still compiling its hot paths
            System.out.printf("load running; first fault in %d s%n", options.settleSeconds());
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(options.settleSeconds()));
            KillScenario kills = new KillScenario(options);
            ScenarioNotes notes = new ScenarioNotes(scenario);
            DatabaseOutageScenario databaseOutages = new DatabaseOutageScenario(options, notes);
            ScaleScenario scale = new ScaleScenario(options, notes);
            ProxyScenario.Timeline proxied = scenario.equals("C7") ? new ProxyScenario(options).run(run) : null;
            List<KillScenario.Kill> measured = switch (scenario) {
                case "C1" -> kills.run(run, List.of(Service.ALERTS), false);
                case "C2" -> kills.run(run, List.of(Service.PERSISTENCE, Service.ANALYTICS, Service.API), false);
                case "C3" -> kills.run(run, List.of(Service.ALERTS), true);
                case "C4" -> new PauseScenario(options, notes).run(run);
                case "C5" -> new BrokerScenario(options).run(run);
                case "C6" -> databaseOutages.run(run);
                case "C7" -> List.of();
                case "C10" -> new ClockSkewScenario(options).run(run);
                case ScaleScenario.NAME -> scale.run(run);
                default -> throw new IllegalArgumentException(scenario);
            };
            String loadDuring = ScenarioReport.loadAverage();
            LoadedRun.Verdict verdict = run.stopAndCheck(Duration.ofSeconds(options.drainSeconds()));
            databaseOutages.afterDrain(run);
            LatencyWindows latency =
                    proxied == null ? null : proxied.windows(run.topic().latencies());
            return new ScenarioReport(
                    scenario,
                    options,
                    measured,
                    verdict,
                    latency,
                    loadBefore,
                    loadDuring,
                    notes.lines(),
                    scale.failures());
        }
    }
}
