package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.SettingsBinding;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final RetrySchedule standard = new RetrySchedule(SettingsBinding.bind(DeliverySettings.class));

    private final RetrySchedule schedule = new RetrySchedule(SettingsBinding.bind(
            DeliverySettings.class,
            "schedule",
            "1s,4s,16s,30s",
            "kafka-retries",
            "2",
            "first-attempt-timeout",
            "1s",
            "request-timeout",
            "5s",
            "max-retry-after",
            "2m"));

    @Test
    void followsStandardWebhooksExampleForAboutThreeDaysByDefault() {
        // When the default schedule's waits are listed
        List<Duration> waits = List.of(
                standard.nominalDelay(1),
                standard.nominalDelay(2),
                standard.nominalDelay(3),
                standard.nominalDelay(4),
                standard.nominalDelay(5),
                standard.nominalDelay(6),
                standard.nominalDelay(7));

        // Then they are Standard Webhooks' 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h …
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(10));
        // And the 13 attempts cover about three days, like Stripe's
        assertThat(standard.totalAttempts()).isEqualTo(13);
        assertThat(standard.span())
                .isBetween(Duration.ofDays(3), Duration.ofDays(3).plusHours(6));
    }

    @Test
    void keepsTheShortRetriesOnKafkaAndParksTheLongTailInTheDatabase() {
        // Then the retries after attempts 1 and 2 (5 s, 5 min) wait on retry topics, every later one in the database
        assertThat(standard.attempts()).isEqualTo(3);
        assertThat(standard.retriedOnKafka(1)).isTrue();
        assertThat(standard.retriedOnKafka(2)).isTrue();
        assertThat(standard.retriedOnKafka(3)).isFalse();
        assertThat(standard.retriedOnKafka(12)).isFalse();
        // And the retry topics are created for the Kafka part only
        assertThat(standard.initialDelayMillis()).isEqualTo(5_000);
        assertThat(standard.maxDelayMillis()).isEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void waitsAsTheScheduleSaysAndKeepsTheLastWaitBeyondIt() {
        assertThat(schedule.nominalDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.nominalDelay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.nominalDelay(3)).isEqualTo(Duration.ofSeconds(16));
        assertThat(schedule.nominalDelay(4)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.nominalDelay(9)).isEqualTo(Duration.ofSeconds(30));
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
    void spreadsTheLongWaitsToo() {
        // When a 10 h wait of the default schedule is computed at both ends of the random range
        // Then it lies within ±20 %
        assertThat(standard.delayAfter(6, null, 0.0)).isEqualTo(Duration.ofHours(8));
        assertThat(standard.delayAfter(6, null, 0.999_999))
                .isBetween(Duration.ofHours(12).minusSeconds(1), Duration.ofHours(12));
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
        assertThat(schedule.timeout(1, false)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.timeout(2, false)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.timeout(4, false)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givesAFirstAttemptMadeFromTheDatabaseTheFullRequestTimeout() {
        // nothing queues behind an attempt parked in the database (one an open circuit deferred)
        assertThat(schedule.timeout(1, true)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void knowsTheLastAttempt() {
        assertThat(schedule.isLast(4)).isFalse();
        assertThat(schedule.isLast(5)).isTrue();
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
