package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final RetrySchedule schedule = new RetrySchedule(new DeliverySettings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            4,
            Duration.ofSeconds(1),
            4,
            Duration.ofSeconds(30),
            0.2,
            Duration.ofMinutes(2),
            List.of(),
            "alerts@example.com",
            3,
            Duration.ofSeconds(30),
            6,
            6));

    @Test
    void growsTheWaitExponentiallyUpToTheMaximum() {
        // When the nominal waits after successive failed attempts are computed
        // Then they grow by the multiplier and stop at the maximum
        assertThat(schedule.nominalDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.nominalDelay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.nominalDelay(3)).isEqualTo(Duration.ofSeconds(16));
        assertThat(schedule.nominalDelay(4)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void spreadsEachWaitWithinTheJitterBand() {
        // When the wait after the second attempt is computed at both ends of the random range
        Duration lowest = schedule.delayAfter(2, null, 0.0);
        Duration middle = schedule.delayAfter(2, null, 0.5);
        Duration highest = schedule.delayAfter(2, null, 0.999_999);

        // Then it stays within ±20 % of the nominal 4 s
        assertThat(lowest).isEqualTo(Duration.ofMillis(3200));
        assertThat(middle).isEqualTo(Duration.ofSeconds(4));
        assertThat(highest).isBetween(Duration.ofMillis(4799), Duration.ofMillis(4800));
    }

    @Test
    void neverRetriesBeforeTheReceiversRetryAfterButCapsIt() {
        // When a receiver asks for 10 s, then for an hour, after the first attempt
        Duration asked = schedule.delayAfter(1, Duration.ofSeconds(10), 0.5);
        Duration capped = schedule.delayAfter(1, Duration.ofHours(1), 0.5);
        Duration shorter = schedule.delayAfter(2, Duration.ofMillis(100), 0.5);

        // Then the wait is what it asked for, at most the cap, and never shorter than the backoff
        assertThat(asked).isEqualTo(Duration.ofSeconds(10));
        assertThat(capped).isEqualTo(Duration.ofMinutes(2));
        assertThat(shorter).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void givesTheFirstAttemptTheShorterBudgetAndRetriesTheFullRequestTimeout() {
        assertThat(schedule.timeout(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.timeout(2)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.timeout(4)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void knowsTheLastAttempt() {
        assertThat(schedule.isLast(3)).isFalse();
        assertThat(schedule.isLast(4)).isTrue();
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        // When Retry-After headers in both forms, and garbage, are read
        // Then seconds and dates become waits from now, and garbage none
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }
}
