package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stockalerts.e2e.ServiceImage;

class OptionsTest {

    @Test
    void withoutArgumentsRunsTheKillScenariosAtTheIssuesFigures() {
        Options options = Options.parse();

        assertThat(options.scenarios()).containsExactly("C1", "C2", "C3");
        assertThat(options.kills()).isEqualTo(20);
        assertThat(options.rate()).isEqualTo(1000);
        assertThat(options.minGapSeconds()).isEqualTo(5);
        assertThat(options.maxGapSeconds()).isEqualTo(30);
    }

    @Test
    void aShortRunNamesItsScenariosAndFigures() {
        Options options = Options.parse("c1", "--kills", "3", "--rate", "500", "--max-gap", "10");

        assertThat(options.scenarios()).containsExactly("C1");
        assertThat(options.kills()).isEqualTo(3);
        assertThat(options.rate()).isEqualTo(500);
        assertThat(options.maxGapSeconds()).isEqualTo(10);
    }

    @Test
    void theBrokerOutagesRunOnlyWhenNamedWithTheirDownTimes() {
        Options options = Options.parse("C5", "--broker-down", "5,30");

        assertThat(options.scenarios()).containsExactly("C5");
        assertThat(options.brokerDownSeconds()).containsExactly(5, 30);
        assertThat(Options.parse().brokerDownSeconds()).containsExactly(5, 30, 150, 360);
    }

    @Test
    void theProxyScenarioRunsOnlyWhenNamedWithTheIssuesPhasesUnlessShortened() {
        Options.ProxyPhases issue = Options.parse("C7").proxyPhases();
        Options.ProxyPhases shortRun = Options.parse(
                        "c7", "--blackhole", "30", "--latency-phase", "60", "--after-heal", "90")
                .proxyPhases();

        assertThat(Options.parse().scenarios()).doesNotContain("C7");
        assertThat(issue).isEqualTo(new Options.ProxyPhases(30, 60, 300, 200, 120));
        assertThat(shortRun).isEqualTo(new Options.ProxyPhases(30, 30, 60, 200, 90));
        assertThatThrownBy(() -> Options.parse("C7", "--added-latency", "-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePauseAndTheDatabaseOutagesRunOnlyWhenNamedWithTheirTimes() {
        Options defaults = Options.parse();
        Options options = Options.parse("C4", "c6", "--pause", "30", "--db-down", "30", "--drain", "600");

        assertThat(options.scenarios()).containsExactly("C4", "C6");
        assertThat(options.pauseSeconds()).isEqualTo(30);
        assertThat(options.databaseDownSeconds()).containsExactly(30);
        assertThat(options.drainSeconds()).isEqualTo(600);
        assertThat(defaults.pauseSeconds()).isEqualTo(60);
        assertThat(defaults.databaseDownSeconds()).containsExactly(30, 180);
        assertThat(defaults.drainSeconds()).isEqualTo(180);
        assertThatThrownBy(() -> Options.parse("C6", "--db-down", "30,0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnknownScenarioAndAGapRangeBackwards() {
        assertThatThrownBy(() -> Options.parse("C99")).hasMessageContaining("C99");
        assertThatThrownBy(() -> Options.parse("--min-gap", "9", "--max-gap", "3"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServicesRunWithTheLaunchersAotCacheUnlessTurnedOff() {
        assertThat(Options.parse().aotCache()).isTrue();
        assertThat(Options.parse("--work", "/tmp/w").images())
                .isEqualTo(ServiceImage.aotSupported() ? java.nio.file.Path.of("/tmp/w/aot") : null);
        assertThat(Options.parse("--aot-cache", "off").images()).isNull();
        assertThatThrownBy(() -> Options.parse("--aot-cache", "maybe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("on or off");
    }

    @Test
    void theFaultsWaitForTheLoadToSettleAMinuteUnlessToldOtherwise() {
        assertThat(Options.parse().settleSeconds()).isEqualTo(60);
        assertThat(Options.parse("--settle", "0").settleSeconds()).isZero();
        assertThatThrownBy(() -> Options.parse("--settle", "-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
