package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.alerting.delivery.CircuitBreakers.Decision;
import org.stockalerts.testsupport.MutableClock;

class CircuitBreakersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private static final Duration FAST = Duration.ofMillis(20);
    private static final Duration FIRST_ATTEMPT_BUDGET = Duration.ofSeconds(1);
    private final CircuitBreakers breakers =
            new CircuitBreakers(3, Duration.ofSeconds(30), FIRST_ATTEMPT_BUDGET, clock);
    private final UUID target = UUID.randomUUID();

    @Test
    void opensAfterThreeFailuresInARowAndThenMakesNoCalls() {
        // Given a target that failed twice
        failFast(2);
        assertThat(breakers.decide(target, false)).isEqualTo(Decision.CALL);

        // When it fails a third time
        failFast(1);

        // Then neither first attempts nor retries may call it while the circuit is open
        assertDecisions(Decision.OPEN, Decision.OPEN);
        assertThat(breakers.decide(UUID.randomUUID(), false)).isEqualTo(Decision.CALL);
    }

    @Test
    void letsOnlyRetriesProbeOnceTheOpenPeriodIsOverAndClosesOnSuccess() {
        // Given an open circuit
        failFast(3);

        // When the open period has passed
        clock.advance(Duration.ofSeconds(30));

        // Then a retry may probe, but a first attempt still fails fast
        assertDecisions(Decision.OPEN, Decision.CALL);

        // And a successful probe closes the circuit for everyone, and says it did
        assertThat(breakers.succeeded(target, FAST)).isTrue();
        assertThat(breakers.decide(target, false)).isEqualTo(Decision.CALL);
    }

    @Test
    void saysItOpenedACircuitOnlyOnTheFailureThatOpenedIt() {
        // Given two fast failures: the circuit stays closed
        assertThat(breakers.failed(target, FAST)).isFalse();
        assertThat(breakers.failed(target, FAST)).isFalse();

        // Then the third opens it, and a failed probe after the open period keeps it open without opening it again
        assertThat(breakers.failed(target, FAST)).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breakers.failed(target, FAST)).isFalse();

        // And one slow call opens another target's circuit at once
        assertThat(breakers.failed(UUID.randomUUID(), FIRST_ATTEMPT_BUDGET)).isTrue();
    }

    @Test
    void saysItClosedACircuitOnlyWhenTheCircuitWasOpen() {
        // Given a target that never failed, and one that failed fewer times than the threshold
        UUID healthy = UUID.randomUUID();
        failFast(2);

        // Then their successes close no circuit
        assertThat(breakers.succeeded(healthy, FAST)).isFalse();
        assertThat(breakers.succeeded(target, FAST)).isFalse();

        // But a slow probe of a circuit a timeout opened closes it (first attempts still skip it)
        breakers.failed(target, FIRST_ATTEMPT_BUDGET);
        clock.advance(Duration.ofSeconds(30));
        assertThat(breakers.succeeded(target, Duration.ofSeconds(2))).isTrue();
        assertThat(breakers.succeeded(target, FAST)).isFalse();
    }

    @Test
    void aFailedProbeOpensTheCircuitAgain() {
        // Given a circuit whose open period is over
        failFast(3);
        clock.advance(Duration.ofSeconds(31));

        // When the probe fails
        failFast(1);

        // Then the circuit is open for another period
        assertThat(breakers.decide(target, true)).isEqualTo(Decision.OPEN);
        clock.advance(Duration.ofSeconds(30));
        assertThat(breakers.decide(target, true)).isEqualTo(Decision.CALL);
    }

    @Test
    void opensAtOnceAfterAFailedCallThatUsedUpTheFirstAttemptBudget() {
        // When a call fails after the first-attempt budget (a first attempt that timed out)
        breakers.failed(target, FIRST_ATTEMPT_BUDGET);

        // Then the circuit is open without waiting for more failures
        assertDecisions(Decision.OPEN, Decision.OPEN);
    }

    @Test
    void keepsAReceiverThatAnswersSlowerThanTheFirstAttemptBudgetOffFirstAttempts() {
        // Given a circuit opened by a first attempt that timed out, and a probe that succeeded slowly
        breakers.failed(target, FIRST_ATTEMPT_BUDGET);
        clock.advance(Duration.ofSeconds(30));
        breakers.succeeded(target, Duration.ofMillis(2_500));

        // Then retries call it at once, but first attempts do not
        assertDecisions(Decision.SLOW, Decision.CALL);

        // And once a retry is answered within the budget, first attempts call it again
        breakers.succeeded(target, FAST);
        assertThat(breakers.decide(target, false)).isEqualTo(Decision.CALL);
    }

    @Test
    void aSlowReceiverThatFailsFastStaysOffFirstAttempts() {
        // Given a receiver that answered slowly, then failed fast once
        breakers.succeeded(target, Duration.ofSeconds(2));
        failFast(1);

        // Then first attempts still do not call it, and retries do while the circuit is closed
        assertDecisions(Decision.SLOW, Decision.CALL);
    }

    @Test
    void tellsHowLongUntilAnOpenCircuitLetsAProbeThrough() {
        // Given a closed circuit, then one opened by a timed-out first attempt
        assertThat(breakers.untilProbe(target)).isZero();
        breakers.failed(target, FIRST_ATTEMPT_BUDGET);

        // Then a probe may go through once the open period is over, and at once after it
        assertThat(breakers.untilProbe(target)).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(12));
        assertThat(breakers.untilProbe(target)).isEqualTo(Duration.ofSeconds(18));
        clock.advance(Duration.ofSeconds(20));
        assertThat(breakers.untilProbe(target)).isZero();
    }

    @Test
    void aSuccessResetsTheCountOfFailures() {
        // Given two failures, a success and two more failures
        failFast(2);
        breakers.succeeded(target, FAST);
        failFast(2);

        // Then the circuit is still closed
        assertThat(breakers.decide(target, false)).isEqualTo(Decision.CALL);
    }

    private void failFast(int times) {
        for (int i = 0; i < times; i++) {
            breakers.failed(target, FAST);
        }
    }

    /** Asserts what a first attempt and what a retry to the target are told. */
    private void assertDecisions(Decision firstAttempt, Decision retry) {
        assertThat(breakers.decide(target, false)).isEqualTo(firstAttempt);
        assertThat(breakers.decide(target, true)).isEqualTo(retry);
    }
}
