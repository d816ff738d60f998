package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockalerts.faults.FaultSystem.Service;

class ScenarioReportTest {

    private static final Options OPTIONS = Options.parse("C1", "--kills", "1", "--rate", "500");
    private static final KillScenario.Kill QUICK =
            new KillScenario.Kill(Service.ALERTS, Duration.ofSeconds(20), Duration.ofSeconds(25), null);

    @Test
    void exactSinksAndQuickRestartsMeetTheTargets() {
        ScenarioReport report = report("C1", 0, List.of(QUICK), new SinkCheck("alerts-triggered", 100, 0, 0, 0));

        assertThat(report.failures()).isEmpty();
        assertThat(report.line()).startsWith("C1 PASS");
    }

    @Test
    void aDuplicateAlertOnTheTopicFailsTheRun() {
        ScenarioReport report = report("C1", 0, List.of(QUICK), new SinkCheck("alerts-triggered", 100, 0, 1, 0));

        assertThat(report.failures()).singleElement().asString().startsWith("alerts-triggered");
        assertThat(report.line()).startsWith("C1 FAIL");
    }

    @Test
    void webhookDuplicatesFailOnlyAboveOnePercent() {
        assertThat(report("C1", 0, List.of(QUICK), new SinkCheck("webhooks (alertId)", 100, 0, 1, 0))
                        .failures())
                .isEmpty();
        assertThat(report("C1", 0, List.of(QUICK), new SinkCheck("webhooks (alertId)", 100, 0, 2, 0))
                        .failures())
                .hasSize(1);
    }

    @Test
    void anUnexpectedStoredTickCountsOnlyWhenNoSendFailed() {
        SinkCheck oneMore = new SinkCheck("stored ticks", 100, 0, 0, 1);

        assertThat(report("C1", 0, List.of(QUICK), oneMore).failures()).hasSize(1);
        assertThat(report("C1", 3, List.of(QUICK), oneMore).failures()).isEmpty();
    }

    @Test
    void aRestartThatCatchesUpAfter30SecondsOrNeverFailsTheRun() {
        KillScenario.Kill slow =
                new KillScenario.Kill(Service.ALERTS, Duration.ofSeconds(20), Duration.ofSeconds(31), null);
        KillScenario.Kill never = new KillScenario.Kill(Service.ALERTS, Duration.ofSeconds(20), null, null);

        assertThat(report("C1", 0, List.of(slow, never), new SinkCheck("alerts-triggered", 1, 0, 0, 0))
                        .failures())
                .hasSize(2);
    }

    @Test
    void c2JudgesTheOutboxDrainedWithinTenSecondsOfApiServiceBeingUpAndReportsTheCatchUp() {
        KillScenario.Kill slowPersistence =
                new KillScenario.Kill(Service.PERSISTENCE, Duration.ofSeconds(40), Duration.ofSeconds(70), null);
        KillScenario.Kill drained =
                new KillScenario.Kill(Service.API, Duration.ofSeconds(30), null, Duration.ofSeconds(40));
        KillScenario.Kill drainedLate =
                new KillScenario.Kill(Service.API, Duration.ofSeconds(30), null, Duration.ofMillis(40_100));
        SinkCheck exact = new SinkCheck("alerts-triggered", 1, 0, 0, 0);

        assertThat(report("C2", 0, List.of(slowPersistence, drained), exact).failures())
                .isEmpty();
        assertThat(report("C2", 0, List.of(drainedLate), exact).failures())
                .singleElement()
                .asString()
                .startsWith("outbox drained 10.1 s after api-service was UP");
    }

    @Test
    void afterABrokerOutageEveryServiceMustBeUpWithinAMinute() {
        KillScenario.Kill late = new KillScenario.Kill(Service.API, Duration.ofSeconds(61), null, null);
        KillScenario.Kill soon = new KillScenario.Kill(Service.ALERTS, Duration.ofSeconds(59), null, null);

        assertThat(report("C5", 5, List.of(late, soon), new SinkCheck("alerts-triggered", 1, 0, 0, 0))
                        .failures())
                .singleElement()
                .asString()
                .startsWith("api-service UP");
    }

    @Test
    void aDeadLetterIsAFaultNotSurvived() {
        ScenarioReport report = report(
                "C1",
                0,
                List.of(),
                new SinkCheck("alerts-triggered", 1, 0, 0, 0),
                Map.of("alerts-triggered.DLT", 2L),
                null);

        assertThat(report.failures()).singleElement().asString().isEqualTo("dead letters {alerts-triggered.DLT=2}");
        assertThat(report.markdown()).contains("dead letters {alerts-triggered.DLT=2}");
    }

    @Test
    void afterTheProxyHealsTheP99MustBeUnder100MsWithinAMinute() {
        assertThat(proxied(Duration.ofSeconds(60)).failures()).isEmpty();
        assertThat(proxied(Duration.ofSeconds(70)).failures())
                .singleElement()
                .asString()
                .isEqualTo("p99 under 100 ms only 70.0 s after the heal");
        assertThat(proxied(null).failures())
                .singleElement()
                .asString()
                .isEqualTo("p99 never under 100 ms after the heal");
        assertThat(proxied(Duration.ofSeconds(20)).markdown())
                .contains("| 0 | 10 | healed | 50 | 20 | 80 |")
                .contains("p99 under 100 ms 20.0 s after the heal");
    }

    private static ScenarioReport proxied(Duration recovery) {
        LatencyWindows latency = new LatencyWindows(
                List.of(new LatencyWindows.Window(0, 10, "healed", 50, 20, 80)), Duration.ofMillis(100), recovery, 0);
        return report("C7", 0, List.of(), new SinkCheck("alerts-triggered", 100, 0, 0, 0), latency);
    }

    @Test
    void aBarUnlikeTheOraclesFailsTheRunUnlessASendFailed() {
        SinkCheck exact = new SinkCheck("alerts-triggered", 100, 0, 0, 0);
        BarCheck oneDifferent = new BarCheck("bars (stored)", 40, 0, 1, 0);

        assertThat(report("C2", 0, List.of(QUICK), exact, oneDifferent).failures())
                .singleElement()
                .asString()
                .isEqualTo("bars (stored): 40 expected, 0 missing, 1 different, 0 unexpected");
        assertThat(report("C2", 2, List.of(QUICK), exact, oneDifferent).failures())
                .isEmpty();
    }

    @Test
    void theSummaryHasALinePerSinkOfBars() {
        BarCheck topic = new BarCheck("bars (stock-analytics)", 40, 0, 0, 0);

        assertThat(report("C2", 0, List.of(QUICK), new SinkCheck("alerts-triggered", 100, 0, 0, 0), topic)
                        .markdown())
                .contains("| bars (stock-analytics) | 40 | 0 | 0 | 0 |");
    }

    @Test
    void aPausedEngineMustBeTakenOverWithinTheSessionTimeoutAnd15Seconds() {
        KillScenario.Kill inTime =
                new KillScenario.Kill(Service.ALERTS, Duration.ofSeconds(90), Duration.ofSeconds(25), null);
        KillScenario.Kill late =
                new KillScenario.Kill(Service.ALERTS, Duration.ofSeconds(5), Duration.ofSeconds(26), null);
        KillScenario.Kill never = new KillScenario.Kill(Service.ALERTS, Duration.ofSeconds(5), null, null);
        SinkCheck exact = new SinkCheck("alerts-triggered", 1, 0, 0, 0);

        assertThat(report("C4", 0, List.of(inTime), exact).failures()).isEmpty();
        assertThat(report("C4", 0, List.of(late, never), exact).failures())
                .containsExactly("takeover after 26.0 s, target 25.0 s", "takeover after n/a s, target 25.0 s");
        assertThat(report("C4", 0, List.of(inTime), new SinkCheck("alerts-triggered", 100, 0, 1, 0))
                        .failures())
                .singleElement()
                .asString()
                .startsWith("alerts-triggered");
    }

    @Test
    void aDatabaseOutageFailsOnAnyDeadLetterButNotOnItsCatchUpTime() {
        KillScenario.Kill slow =
                new KillScenario.Kill(Service.ALERTS, Duration.ofSeconds(40), Duration.ofSeconds(90), null);
        LoadedRun.Verdict deadLettered = new LoadedRun.Verdict(
                1000,
                0,
                List.of(new SinkCheck("alerts-triggered", 1, 0, 0, 0)),
                0,
                0,
                Map.of("alerts-triggered.DLT", 3L),
                0,
                List.of());

        assertThat(report("C6", 0, List.of(slow), new SinkCheck("alerts-triggered", 1, 0, 0, 0))
                        .failures())
                .isEmpty();
        ScenarioReport report = new ScenarioReport(
                "C6", OPTIONS, List.of(slow), deadLettered, null, "1 1 1", "2 2 2", List.of("a note"));
        assertThat(report.failures()).containsExactly("dead letters {alerts-triggered.DLT=3}");
        assertThat(report.markdown()).contains("- a note");
    }

    @Test
    void twoOfEverythingFailsOnItsOwnTargetsAndReportsItsRestartTimesOnly() {
        KillScenario.Kill slow =
                new KillScenario.Kill(Service.ALERTS, Duration.ofSeconds(140), Duration.ofSeconds(240), null);
        LoadedRun.Verdict exact = new LoadedRun.Verdict(
                1000,
                0,
                List.of(new SinkCheck("SSE clients from api-service 2", 40, 0, 0, 0)),
                0,
                0,
                Map.of(),
                0,
                List.of());

        assertThat(new ScenarioReport("S1", OPTIONS, List.of(slow), exact, null, "1 1 1", "2 2 2", List.of())
                        .failures())
                .isEmpty();
        assertThat(new ScenarioReport(
                                "S1",
                                OPTIONS,
                                List.of(slow),
                                exact,
                                null,
                                "1 1 1",
                                "2 2 2",
                                List.of(),
                                List.of("two pollers published in 3 intervals running"))
                        .failures())
                .containsExactly("two pollers published in 3 intervals running");
        assertThat(report("S1", 0, List.of(slow), new SinkCheck("SSE clients from api-service 1", 40, 2, 0, 0))
                        .failures())
                .containsExactly("SSE clients from api-service 1: 40 expected, 2 lost, 0 duplicates, 0 unexpected");
    }

    @Test
    void anSseClientGivenAnotherUsersAlertOrOwedNoneFails() {
        SinkCheck topic = new SinkCheck("alerts-triggered", 40, 0, 0, 0);
        SinkCheck leaked = new SinkCheck("SSE clients from api-service 1", 20, 0, 0, 1);
        SinkCheck owedNone = new SinkCheck("SSE clients from api-service 2", 0, 0, 0, 0);

        assertThat(twoInstances(topic, leaked).failures())
                .containsExactly("SSE clients from api-service 1: 20 expected, 0 lost, 0 duplicates, 1 unexpected");
        assertThat(twoInstances(topic, owedNone).failures())
                .containsExactly("SSE clients from api-service 2: none of the 40 alerts was expected by its clients");
        assertThat(twoInstances(new SinkCheck("alerts-triggered", 0, 0, 0, 0), owedNone)
                        .failures())
                .isEmpty();
    }

    private static ScenarioReport twoInstances(SinkCheck topic, SinkCheck clients) {
        LoadedRun.Verdict verdict =
                new LoadedRun.Verdict(1000, 0, List.of(topic, clients), 0, 0, Map.of(), 0, List.of());
        return new ScenarioReport("S1", OPTIONS, List.of(), verdict, null, "1 1 1", "2 2 2", List.of());
    }

    private static ScenarioReport report(
            String scenario, long failedSends, List<KillScenario.Kill> kills, SinkCheck check) {
        return report(scenario, failedSends, kills, check, Map.of(), null, List.of());
    }

    private static ScenarioReport report(
            String scenario, long failedSends, List<KillScenario.Kill> kills, SinkCheck check, LatencyWindows latency) {
        return report(scenario, failedSends, kills, check, Map.of(), latency, List.of());
    }

    private static ScenarioReport report(
            String scenario, long failedSends, List<KillScenario.Kill> kills, SinkCheck check, BarCheck... bars) {
        return report(scenario, failedSends, kills, check, Map.of(), null, List.of(bars));
    }

    private static ScenarioReport report(
            String scenario,
            long failedSends,
            List<KillScenario.Kill> kills,
            SinkCheck check,
            Map<String, Long> deadLetters,
            LatencyWindows latency) {
        return report(scenario, failedSends, kills, check, deadLetters, latency, List.of());
    }

    private static ScenarioReport report(
            String scenario,
            long failedSends,
            List<KillScenario.Kill> kills,
            SinkCheck check,
            Map<String, Long> deadLetters,
            LatencyWindows latency,
            List<BarCheck> bars) {
        return new ScenarioReport(
                scenario,
                OPTIONS,
                kills,
                new LoadedRun.Verdict(1000, failedSends, List.of(check), 0, 0, deadLetters, 0, bars),
                latency,
                "1 1 1",
                "2 2 2",
                List.of());
    }
}
