package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.MutableClock;

class RequestBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void spreadsTheFreePlansDailyBudgetEvenlyOverTheDay() {
        // Given the free plan: 5 requests a minute, 25 a day
        RequestBudget budget = new RequestBudget(clock, 5, 25, Duration.ofMinutes(1), Duration.ofHours(1));

        // When the first request goes out
        boolean first = budget.tryAcquire();

        // Then the next one waits a 25th of a day (57.6 minutes), not the per-minute spacing
        assertThat(first).isTrue();
        assertThat(budget.spacing()).isEqualTo(Duration.ofSeconds(3456));
        clock.advance(Duration.ofSeconds(3455));
        assertThat(budget.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(budget.tryAcquire()).isTrue();
    }

    @Test
    void neverExceedsTheDailyLimitAndStartsAfreshTheNextUtcDay() {
        // Given a budget of 3 a day with a generous per-minute limit
        RequestBudget budget = new RequestBudget(clock, 100, 3, Duration.ofMinutes(1), Duration.ofHours(1));

        // When requests are attempted every 8 hours, one more than the budget allows by midnight
        int granted = 0;
        clock.set(Instant.parse("2026-03-02T00:00:00Z"));
        for (int i = 0; i < 3; i++) {
            granted += budget.tryAcquire() ? 1 : 0;
            clock.advance(Duration.ofHours(8));
        }
        clock.set(Instant.parse("2026-03-02T23:59:59Z"));
        boolean beforeMidnight = budget.tryAcquire();
        clock.set(Instant.parse("2026-03-03T00:00:00Z"));
        boolean afterMidnight = budget.tryAcquire();

        // Then three went through, the fourth waited for the next day
        assertThat(granted).isEqualTo(3);
        assertThat(beforeMidnight).isFalse();
        assertThat(afterMidnight).isTrue();
    }

    @Test
    void honoursThePerMinuteLimitWhenTheDailyLimitIsLarge() {
        // Given a premium-like plan: 75 a minute, effectively unlimited a day
        RequestBudget budget = new RequestBudget(clock, 75, 1_000_000, Duration.ofMinutes(1), Duration.ofHours(1));

        // When requests are attempted every 100 ms for a minute
        int granted = 0;
        for (int i = 0; i < 600; i++) {
            granted += budget.tryAcquire() ? 1 : 0;
            clock.advance(Duration.ofMillis(100));
        }

        // Then exactly 75 went through, evenly spaced by 800 ms
        assertThat(budget.spacing()).isEqualTo(Duration.ofMillis(800));
        assertThat(granted).isEqualTo(75);
    }

    @Test
    void backsOffLongerOnEachRateLimitAnswerAndResetsAfterASuccess() {
        // Given a budget that allows a request every 12 seconds
        RequestBudget budget = new RequestBudget(clock, 5, 100_000, Duration.ofMinutes(1), Duration.ofMinutes(3));
        assertThat(budget.tryAcquire()).isTrue();

        // When the provider answers with its rate-limit note three times in a row
        Duration first = budget.rateLimited();
        Duration second = budget.rateLimited();
        Duration third = budget.rateLimited();

        // Then the pauses double up to the cap, and no request goes out before the pause ends
        assertThat(first).isEqualTo(Duration.ofMinutes(1));
        assertThat(second).isEqualTo(Duration.ofMinutes(2));
        assertThat(third).isEqualTo(Duration.ofMinutes(3));
        clock.advance(Duration.ofSeconds(179));
        assertThat(budget.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(budget.tryAcquire()).isTrue();

        // And after a success the next pause starts from the beginning again
        budget.succeeded();
        assertThat(budget.rateLimited()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refreshIntervalOfEachSymbolGrowsWithTheNumberOfSymbolsPerRequestSlot() {
        // Given the free plan's spacing of 57.6 minutes and one symbol a request
        RequestBudget budget = new RequestBudget(clock, 5, 25, Duration.ofMinutes(1), Duration.ofHours(1));

        // When five symbols share it, or 250 share a bulk budget of 100 a request
        Duration five = budget.refreshInterval(5, 1, Duration.ofSeconds(1));
        Duration bulk = budget.refreshInterval(250, 100, Duration.ofSeconds(1));

        // Then each symbol is refreshed every 5 or 3 spacings
        assertThat(five).isEqualTo(Duration.ofSeconds(3456 * 5));
        assertThat(bulk).isEqualTo(Duration.ofSeconds(3456 * 3));
    }

    @Test
    void unlimitedBudgetGrantsEveryRequest() {
        // Given the budget of a local provider
        RequestBudget budget = RequestBudget.unlimited(clock);

        // When many requests are made at the same instant
        int granted = 0;
        for (int i = 0; i < 1000; i++) {
            granted += budget.tryAcquire() ? 1 : 0;
            clock.advance(Duration.ofNanos(100));
        }

        // Then all are granted
        assertThat(granted).isEqualTo(1000);
    }

    @Test
    void countsTheRequestsLeftTodayAndTheFullLimitOnANewDay() {
        RequestBudget budget = new RequestBudget(clock, 100, 3, Duration.ofMinutes(1), Duration.ofHours(1));
        assertThat(budget.leftToday()).isEqualTo(3);

        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.leftToday()).isEqualTo(2);

        clock.advance(Duration.ofDays(1));
        assertThat(budget.leftToday()).isEqualTo(3);
    }

    @Test
    void anOutOfTurnRequestRespectsTheLimitsAndThePauseAndPushesTheNextSpacedOne() {
        // Given a budget of 3 a day (one every 8 hours), its first request of the day just taken
        clock.set(Instant.parse("2026-03-02T00:00:00Z"));
        RequestBudget budget = new RequestBudget(clock, 100, 3, Duration.ofMinutes(1), Duration.ofHours(1));
        Duration spacing = budget.spacing();
        assertThat(budget.tryAcquire()).isTrue();

        // When one more is asked out of turn at once
        boolean outOfTurn = budget.tryAcquireNow();

        // Then it is granted, and the next spaced request waits one more spacing
        assertThat(outOfTurn).isTrue();
        clock.advance(spacing);
        assertThat(budget.tryAcquire()).isFalse();
        clock.advance(spacing);
        assertThat(budget.tryAcquire()).isTrue();

        // And the day's limit and a rate-limit pause refuse it
        assertThat(budget.tryAcquireNow()).isFalse();
        clock.set(Instant.parse("2026-03-03T10:00:00Z"));
        budget.rateLimited();
        assertThat(budget.tryAcquireNow()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(budget.tryAcquireNow()).isTrue();
    }
}
