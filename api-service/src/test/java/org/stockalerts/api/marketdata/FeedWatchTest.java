package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.FeedStatusChanged.CatchUpSource;
import org.stockalerts.common.event.FeedStatusChanged.PricePoint;
import org.stockalerts.common.event.FeedStatusChanged.Problem;
import org.stockalerts.common.event.FeedStatusChanged.Status;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.testsupport.MutableClock;

/** When a watched symbol's feed goes stale, comes back, and what its catch-up holds (docs/market-data.md). */
class FeedWatchTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Duration STALE_AFTER = Duration.ofMinutes(5);
    private static final Duration FAST_ROUND = Duration.ofSeconds(1);
    /** Monday 2026-03-02, 10:00 in New York (EST): the regular session is open. */
    private static final Instant MONDAY_10_00 = Instant.parse("2026-03-02T15:00:00Z");

    private final MutableClock clock = new MutableClock(MONDAY_10_00);
    private final BarProvider provider = new BarProvider();

    @Test
    void aQuietSymbolAtNightOrOnAWeekendIsNotStale() {
        // Given a symbol quoted Monday at 20:00 New York time
        clock.set(Instant.parse("2026-03-03T01:00:00Z"));
        FeedWatch watch = watching(MarketSession.REGULAR);
        watch.received(List.of(quote("100", clock.instant())));

        // When the night and a whole weekend pass without a quote
        clock.set(Instant.parse("2026-03-03T06:00:00Z"));
        List<FeedStatusChanged> night = watch.check(FAST_ROUND);
        clock.set(Instant.parse("2026-03-07T17:00:00Z"));
        List<FeedStatusChanged> saturday = watch.check(FAST_ROUND);

        // Then it is not stale
        assertThat(night).isEmpty();
        assertThat(saturday).isEmpty();
    }

    @Test
    void anActiveSymbolSilentLongerThanTheLimitInSessionGoesStaleOnce() {
        // Given a symbol quoted at 10:00 during the regular session
        FeedWatch watch = watching(MarketSession.REGULAR);
        Instant lastTick = MONDAY_10_00.minusSeconds(2);
        watch.received(List.of(quote("100", lastTick)));

        // When exactly the limit passes, then a second more
        clock.advance(STALE_AFTER);
        List<FeedStatusChanged> atTheLimit = watch.check(FAST_ROUND);
        clock.advance(Duration.ofSeconds(1));
        List<FeedStatusChanged> past = watch.check(FAST_ROUND);

        // Then it goes stale for no ticks, since the limit ran out, with its last tick's time
        assertThat(atTheLimit).isEmpty();
        assertThat(past).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo(Status.STALE);
            assertThat(change.problem()).isEqualTo(Problem.NO_TICKS);
            assertThat(change.since()).isEqualTo(MONDAY_10_00.plus(STALE_AFTER));
            assertThat(change.lastTickAt()).isEqualTo(lastTick);
            assertThat(change.source()).isEqualTo(TickSource.ALPACA);
        });

        // And once acknowledged, later checks report nothing more
        watch.acknowledged(past.getFirst());
        clock.advance(Duration.ofMinutes(30));
        assertThat(watch.check(FAST_ROUND)).isEmpty();
        assertThat(watch.staleCount()).isEqualTo(1);
    }

    @Test
    void anUnacknowledgedChangeIsHandedOutAgainUnchanged() {
        // Given a stale symbol whose STALE the broker did not take
        FeedWatch watch = watching(MarketSession.REGULAR);
        watch.received(List.of(quote("100", MONDAY_10_00)));
        clock.advance(Duration.ofMinutes(6));
        FeedStatusChanged first = watch.check(FAST_ROUND).getFirst();

        // When the next cycles check again
        clock.advance(Duration.ofSeconds(1));
        List<FeedStatusChanged> again = watch.check(FAST_ROUND);

        // Then the same event (same id) is due again, and the symbol does not count as stale yet
        assertThat(again).containsExactly(first);
        assertThat(watch.staleCount()).isZero();
        watch.acknowledged(first);
        assertThat(watch.staleCount()).isEqualTo(1);
        assertThat(watch.check(FAST_ROUND)).isEmpty();
    }

    @Test
    void silenceCountsFromTheSessionsOpeningNotFromLastNight() {
        // Given a symbol last quoted at Monday's close
        FeedWatch watch = watching(MarketSession.REGULAR);
        clock.set(Instant.parse("2026-03-02T20:59:00Z"));
        watch.received(List.of(quote("100", clock.instant())));

        // When Tuesday's session is one minute, then five minutes and a second old
        clock.set(Instant.parse("2026-03-03T14:31:00Z"));
        List<FeedStatusChanged> at0931 = watch.check(FAST_ROUND);
        clock.set(Instant.parse("2026-03-03T14:35:01Z"));
        List<FeedStatusChanged> at0935 = watch.check(FAST_ROUND);

        // Then it is stale only after five minutes of session
        assertThat(at0931).isEmpty();
        assertThat(at0935)
                .singleElement()
                .extracting(FeedStatusChanged::since)
                .isEqualTo(Instant.parse("2026-03-03T14:35:00Z"));
    }

    @Test
    void theSessionOpensAt0930NewYorkTimeInTheWeekDaylightSavingTimeBegins() {
        // Given a symbol last quoted Friday 2026-03-06, before New York moves its clocks on Sunday
        FeedWatch watch = watching(MarketSession.REGULAR);
        clock.set(Instant.parse("2026-03-06T20:59:00Z"));
        watch.received(List.of(quote("100", clock.instant())));

        // When Monday's session (09:30 EDT = 13:30 UTC) is five minutes and a second old
        clock.set(Instant.parse("2026-03-09T13:35:01Z"));
        List<FeedStatusChanged> changes = watch.check(FAST_ROUND);

        // Then it is stale, counted from 13:30 UTC (not 14:30 as in winter)
        assertThat(changes)
                .singleElement()
                .extracting(FeedStatusChanged::since)
                .isEqualTo(Instant.parse("2026-03-09T13:35:00Z"));
    }

    @Test
    void silenceAfterAnEarlyCloseIsNotStaleButOnANormalDayItIs() {
        // Given a symbol quoted at 12:58 New York time the day after Thanksgiving (closes at 13:00)
        FeedWatch watch = watching(MarketSession.REGULAR);
        clock.set(Instant.parse("2026-11-27T17:58:00Z"));
        watch.received(List.of(quote("100", clock.instant())));

        // When it is 13:10 that day, and 13:10 the next Monday after a quote at 12:58
        clock.set(Instant.parse("2026-11-27T18:10:00Z"));
        List<FeedStatusChanged> earlyClose = watch.check(FAST_ROUND);
        clock.set(Instant.parse("2026-11-30T17:58:00Z"));
        watch.received(List.of(quote("100", clock.instant())));
        clock.set(Instant.parse("2026-11-30T18:10:00Z"));
        List<FeedStatusChanged> normalDay = watch.check(FAST_ROUND);

        // Then the market was closed on the first, open on the second
        assertThat(earlyClose).isEmpty();
        assertThat(normalDay)
                .singleElement()
                .extracting(FeedStatusChanged::problem)
                .isEqualTo(Problem.NO_TICKS);
    }

    @Test
    void aHolidayIsQuietUnlessTheFeedNeverCloses() {
        // Given the same silence on Independence Day observed (Friday 2026-07-03) in two watches
        clock.set(Instant.parse("2026-07-02T19:59:00Z"));
        FeedWatch regular = watching(MarketSession.REGULAR);
        FeedWatch any = watching(MarketSession.ANY);
        regular.received(List.of(quote("100", clock.instant())));
        any.received(List.of(quote("100", clock.instant())));

        // When it is 11:00 New York time on the holiday
        clock.set(Instant.parse("2026-07-03T15:00:00Z"));

        // Then only the feed that never closes is stale
        assertThat(regular.check(FAST_ROUND)).isEmpty();
        assertThat(any.check(FAST_ROUND))
                .singleElement()
                .extracting(FeedStatusChanged::since)
                .isEqualTo(Instant.parse("2026-07-02T20:04:00Z"));
    }

    @Test
    void aSlowRotationStretchesTheLimitToThreeRounds() {
        // Given a rotation that comes back to a symbol every ten minutes
        FeedWatch watch = watching(MarketSession.REGULAR);
        watch.received(List.of(quote("100", MONDAY_10_00)));
        Duration round = Duration.ofMinutes(10);

        // When 20, then 31 minutes pass without a quote
        clock.advance(Duration.ofMinutes(20));
        List<FeedStatusChanged> after20 = watch.check(round);
        clock.advance(Duration.ofMinutes(11));
        List<FeedStatusChanged> after31 = watch.check(round);

        // Then it is stale only after three rounds
        assertThat(after20).isEmpty();
        assertThat(after31).hasSize(1);
    }

    @Test
    void aSymbolWatchedOnlySinceNowIsGivenTheWholeLimit() {
        // Given a symbol this instance starts watching mid-session without any quote
        FeedWatch watch = watching(MarketSession.REGULAR);

        // When four minutes pass, then six
        clock.advance(Duration.ofMinutes(4));
        List<FeedStatusChanged> early = watch.check(FAST_ROUND);
        clock.advance(Duration.ofMinutes(2));
        List<FeedStatusChanged> late = watch.check(FAST_ROUND);

        // Then it is stale after the limit counted from the start of the watch, without a last tick
        assertThat(early).isEmpty();
        assertThat(late).singleElement().satisfies(change -> {
            assertThat(change.lastTickAt()).isNull();
            assertThat(change.since()).isEqualTo(MONDAY_10_00.plus(STALE_AFTER));
        });
    }

    @Test
    void silenceAfterTheProviderRefusedForItsQuotaIsQuotaExhausted() {
        // Given a symbol quoted at 10:00 whose next request the provider refused at 10:01
        FeedWatch watch = watching(MarketSession.REGULAR);
        watch.received(List.of(quote("100", MONDAY_10_00)));
        clock.advance(Duration.ofMinutes(1));
        watch.rateLimited(List.of(AAPL));

        // When the limit runs out
        clock.advance(Duration.ofMinutes(5));
        List<FeedStatusChanged> changes = watch.check(FAST_ROUND);

        // Then the problem is the quota, since the refusal
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.problem()).isEqualTo(Problem.QUOTA_EXHAUSTED);
            assertThat(change.since()).isEqualTo(MONDAY_10_00.plus(Duration.ofMinutes(1)));
        });
    }

    @Test
    void aQuoteAfterARefusalClearsIt() {
        // Given a refusal followed by a quote
        FeedWatch watch = watching(MarketSession.REGULAR);
        watch.rateLimited(List.of(AAPL));
        clock.advance(Duration.ofMinutes(1));
        watch.received(List.of(quote("100", clock.instant())));

        // When the symbol then stays silent too long
        clock.advance(Duration.ofMinutes(6));

        // Then its silence is no ticks, not the quota
        assertThat(watch.check(FAST_ROUND))
                .singleElement()
                .extracting(FeedStatusChanged::problem)
                .isEqualTo(Problem.NO_TICKS);
    }

    @Test
    void anUnknownSymbolIsStaleAtOnceAtAnyTimeOfDay() {
        // Given a Saturday night
        clock.set(Instant.parse("2026-03-08T03:00:00Z"));
        FeedWatch watch = watching(MarketSession.REGULAR);

        // When the provider says it does not know the symbol, twice
        var first = watch.unknown(AAPL);
        var second = watch.unknown(AAPL);

        // Then one STALE for an unknown symbol, since now, due until acknowledged
        assertThat(first).hasValueSatisfying(change -> {
            assertThat(change.problem()).isEqualTo(Problem.UNKNOWN_SYMBOL);
            assertThat(change.since()).isEqualTo(clock.instant());
        });
        assertThat(second).isEmpty();
        assertThat(watch.check(FAST_ROUND)).containsExactly(first.orElseThrow());
        watch.acknowledged(first.orElseThrow());
        assertThat(watch.unknown(AAPL)).isEmpty();
        assertThat(watch.check(FAST_ROUND)).isEmpty();
    }

    @Test
    void aStaleSymbolResumesWithTheLowAndHighOfEachBarWhollyInsideTheGap() {
        // Given a symbol stale after its last tick at 10:00:30, and the provider's bars over the gap and its edges
        FeedWatch watch = staleSince(Instant.parse("2026-03-02T15:00:30Z"));
        Instant resumedAt = Instant.parse("2026-03-02T15:10:30Z");
        provider.bars = List.of(
                bar("2026-03-02T15:00:00Z", "100", "150", "99", "102"), // half before the gap: its 150 was live
                bar("2026-03-02T15:01:00Z", "102", "104", "97", "98"), // down
                bar("2026-03-02T15:02:00Z", "98", "101", "96", "100"), // up
                bar("2026-03-02T15:10:00Z", "98", "160", "95", "99"), // the resuming minute, partly after the gap
                bar("2026-03-02T15:11:00Z", "99", "150", "90", "99")); // after the gap

        // When a quote comes again
        List<FeedStatusChanged> changes = watch.received(List.of(quote("99", resumedAt)));

        // Then one RESUMED from the inner bars only: high then low of a down bar, low then high of an up bar
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo(Status.RESUMED);
            assertThat(change.problem()).isEqualTo(Problem.NO_TICKS);
            assertThat(change.resumedAt()).isEqualTo(resumedAt);
            assertThat(change.catchUpSource()).isEqualTo(CatchUpSource.BARS);
            assertThat(change.catchUp())
                    .extracting(PricePoint::price)
                    .containsExactly(bd("104"), bd("97"), bd("96"), bd("101"));
            assertThat(change.catchUp().getFirst().at()).isEqualTo(Instant.parse("2026-03-02T15:01:20Z"));
            assertThat(change.catchUp().getLast().at()).isEqualTo(Instant.parse("2026-03-02T15:02:40Z"));
            assertStrictlyInside(change);
        });
        assertThat(provider.asked).containsExactly(List.of(Instant.parse("2026-03-02T15:00:30Z"), resumedAt));
    }

    @Test
    void aCatchUpThatCannotBeBuiltResumesWithoutOne() {
        // Given a stale symbol whose provider fails unexpectedly when asked for bars
        FeedWatch watch = staleSince(MONDAY_10_00);
        provider.failure = new IllegalStateException("a bug in the provider");

        // When a quote comes again
        List<FeedStatusChanged> changes = watch.received(List.of(quote("100", clock.instant())));

        // Then the symbol resumes, without a catch-up
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo(Status.RESUMED);
            assertThat(change.catchUpSource()).isEqualTo(CatchUpSource.NONE);
            assertThat(change.catchUp()).isEmpty();
        });
    }

    @Test
    void aDayLowOfZeroIsNoPriceTheGapTraded() {
        // Given a stale symbol last quoted at 100 (day high 101, low 99), and no bars
        Instant lastTick = Instant.parse("2026-03-02T15:00:00Z");
        FeedWatch watch = staleSince(lastTick, dayQuote("100", "101", "99", lastTick));

        // When it comes back reporting a new day high of 105 and a day low of 0 (the provider's "none")
        List<FeedStatusChanged> changes =
                watch.received(List.of(dayQuote("104", "105", "0", Instant.parse("2026-03-02T15:30:00Z"))));

        // Then the catch-up is the high alone
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.catchUpSource()).isEqualTo(CatchUpSource.DAY_RANGE);
            assertThat(change.catchUp()).extracting(PricePoint::price).containsExactly(bd("105"));
        });
    }

    @Test
    void barsAreAskedOnlyUntilTheProvidersRequestTimeoutHasPassedInThatPoll() {
        // Given three stale symbols, and a provider whose bar requests take 3 s each, at most 5 s
        List<Symbol> symbols = List.of(AAPL, Symbol.of("IBM"), Symbol.of("MSFT"));
        clock.set(MONDAY_10_00);
        FeedWatch watch = new FeedWatch(provider, MarketSession.ANY, STALE_AFTER, new EventIds(clock), clock);
        watch.watch(symbols);
        watch.received(symbols.stream()
                .map(symbol -> quote(symbol, "100", MONDAY_10_00))
                .toList());
        clock.advance(STALE_AFTER.plusSeconds(1));
        watch.check(FAST_ROUND).forEach(watch::acknowledged);
        provider.timeout = Duration.ofSeconds(5);
        provider.takes = Duration.ofSeconds(3);
        provider.bars = List.of(bar("2026-03-02T15:01:00Z", "100", "104", "97", "98"));

        // When all three are quoted again in one poll
        Instant resumedAt = clock.instant();
        List<FeedStatusChanged> changes = watch.received(
                symbols.stream().map(symbol -> quote(symbol, "100", resumedAt)).toList());

        // Then bars were asked for the first two only (the second began at 3 s), the third resumes without them
        assertThat(provider.asked).hasSize(2);
        assertThat(changes)
                .extracting(FeedStatusChanged::catchUpSource)
                .containsExactly(CatchUpSource.BARS, CatchUpSource.BARS, CatchUpSource.NONE);
    }

    @Test
    void aFrozenQuoteIsNoProofOfLife() {
        // Given a symbol quoted at 10:00, then answered with that same quote every minute
        FeedWatch watch = watching(MarketSession.REGULAR);
        Quote frozen = quote("100", MONDAY_10_00);
        watch.received(List.of(frozen));
        List<FeedStatusChanged> changes = List.of();
        for (int minute = 1; minute <= 6; minute++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(watch.received(List.of(frozen))).isEmpty();
            changes = watch.check(FAST_ROUND);
        }

        // Then it goes stale, and the frozen quote does not resume it either
        assertThat(changes)
                .singleElement()
                .extracting(FeedStatusChanged::status)
                .isEqualTo(Status.STALE);
        watch.acknowledged(changes.getFirst());
        assertThat(watch.received(List.of(frozen))).isEmpty();
        assertThat(watch.received(List.of(quote("100", clock.instant()))))
                .singleElement()
                .extracting(FeedStatusChanged::status)
                .isEqualTo(Status.RESUMED);
    }

    @Test
    void everyAnswerOfAProviderThatDatesQuotesCoarselyIsProofOfLife() {
        // Given a provider whose quotes all carry their trading day's close, like Alpha Vantage's GLOBAL_QUOTE
        provider.datesQuotesByTrade = false;
        FeedWatch watch = watching(MarketSession.REGULAR);
        Quote closing = quote("100", MONDAY_10_00);

        // When the same quote comes every minute for six minutes
        List<FeedStatusChanged> changes = List.of();
        for (int minute = 0; minute <= 6; minute++) {
            watch.received(List.of(closing));
            changes = watch.check(FAST_ROUND);
            clock.advance(Duration.ofMinutes(1));
        }

        // Then the symbol is not stale
        assertThat(changes).isEmpty();
    }

    @Test
    void forgettingWaitsForAPollThatIsStillCatchingUp() throws Exception {
        // Given a stale symbol whose resume is waiting for the provider's bars on the poller's thread
        FeedWatch watch = staleSince(MONDAY_10_00);
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        provider.whileAsked = () -> {
            asking.countDown();
            await(answer);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<FeedStatusChanged>> poll =
                    threads.submit(() -> watch.received(List.of(quote("100", clock.instant()))));
            assertThat(asking.await(5, TimeUnit.SECONDS)).isTrue();

            // When the poller stops and forgets every symbol from another thread
            Future<?> forget = threads.submit(watch::forget);

            // Then forgetting waits until the poll is done, and leaves nothing behind
            Awaitility.await()
                    .during(Duration.ofMillis(200))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> !forget.isDone());
            answer.countDown();
            assertThat(poll.get(5, TimeUnit.SECONDS)).hasSize(1);
            forget.get(5, TimeUnit.SECONDS);
            assertThat(watch.staleCount()).isZero();
            assertThat(watch.check(FAST_ROUND)).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void moreBarsThanTheCapAreMergedKeepingTheirExtremes() {
        // Given a ten-hour gap of 600 one-minute bars, one of them with a spike
        Instant lastTick = Instant.parse("2026-03-02T14:59:00Z");
        FeedWatch watch = staleSince(lastTick);
        List<IntradayBar> bars = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String high = i == 301 ? "180" : "101";
            bars.add(bar(
                    Instant.parse("2026-03-02T15:00:00Z")
                            .plus(Duration.ofMinutes(i))
                            .toString(),
                    "100",
                    high,
                    "99",
                    "100.5"));
        }
        provider.bars = bars;

        // When a quote comes after the last bar
        List<FeedStatusChanged> changes = watch.received(List.of(quote("100", Instant.parse("2026-03-03T01:00:30Z"))));

        // Then the catch-up fits the cap, in order, inside the gap, and still holds the spike
        FeedStatusChanged resumed = changes.getFirst();
        assertThat(resumed.catchUp()).hasSize(400).hasSizeLessThanOrEqualTo(FeedStatusChanged.MAX_CATCH_UP_POINTS);
        assertThat(resumed.catchUp()).extracting(PricePoint::price).contains(bd("180"));
        assertStrictlyInside(resumed);
    }

    @Test
    void withoutBarsTheResumingQuotesNewDayHighAndLowAreTheCatchUp() {
        // Given a stale symbol last quoted at 100 (day high 101, low 99), and no bars
        Instant lastTick = Instant.parse("2026-03-02T15:00:00Z");
        FeedWatch watch = staleSince(lastTick, dayQuote("100", "101", "99", lastTick));
        Instant resumedAt = Instant.parse("2026-03-02T15:30:00Z");

        // When it comes back higher, at 104, reporting a day high of 105 and a low of 98
        List<FeedStatusChanged> changes = watch.received(List.of(dayQuote("104", "105", "98", resumedAt)));

        // Then the low came first, then the high, at a third and two thirds of the gap
        FeedStatusChanged resumed = changes.getFirst();
        assertThat(resumed.catchUpSource()).isEqualTo(CatchUpSource.DAY_RANGE);
        assertThat(resumed.catchUp())
                .containsExactly(
                        new PricePoint(bd("98"), Instant.parse("2026-03-02T15:10:00Z")),
                        new PricePoint(bd("105"), Instant.parse("2026-03-02T15:20:00Z")));
        // with the previous close both quotes report, which move rules measure the gap's prices from
        assertThat(resumed.previousClose()).isEqualByComparingTo("100");
    }

    @Test
    void aFallingResumeGivesTheNewHighFirstAndAnUnchangedRangeGivesNothing() {
        // Given a stale symbol last quoted at 100 (day high 101, low 99)
        Instant lastTick = Instant.parse("2026-03-02T15:00:00Z");
        FeedWatch watch = staleSince(lastTick, dayQuote("100", "101", "99", lastTick));

        // When it comes back lower with only a new high
        FeedStatusChanged resumed = watch.received(
                        List.of(dayQuote("99.5", "102", "99", Instant.parse("2026-03-02T15:30:00Z"))))
                .getFirst();

        // Then the one point is the high, in the middle of the gap
        assertThat(resumed.catchUp()).containsExactly(new PricePoint(bd("102"), Instant.parse("2026-03-02T15:15:00Z")));
    }

    @Test
    void aResumeOnAnotherTradingDayWithoutBarsHasNoCatchUp() {
        // Given a symbol stale since Monday
        Instant lastTick = Instant.parse("2026-03-02T15:00:00Z");
        FeedWatch watch = staleSince(lastTick, dayQuote("100", "101", "99", lastTick));

        // When it comes back on Tuesday with a wider day range
        FeedStatusChanged resumed = watch.received(
                        List.of(dayQuote("110", "120", "90", Instant.parse("2026-03-03T15:00:00Z"))))
                .getFirst();

        // Then nothing the gap hid is known
        assertThat(resumed.catchUpSource()).isEqualTo(CatchUpSource.NONE);
        assertThat(resumed.catchUp()).isEmpty();
    }

    @Test
    void aResumedSymbolOnceAcknowledgedIsAliveAndCanGoStaleAgain() {
        // Given a stale symbol that resumed
        FeedWatch watch = staleSince(MONDAY_10_00);
        FeedStatusChanged resumed =
                watch.received(List.of(quote("100", clock.instant()))).getFirst();

        // When the RESUMED is not acknowledged, it is due again; once it is, nothing more
        assertThat(watch.check(FAST_ROUND)).containsExactly(resumed);
        assertThat(watch.received(List.of(quote("101", clock.instant().plusSeconds(1)))))
                .isEmpty();
        watch.acknowledged(resumed);
        assertThat(watch.staleCount()).isZero();
        assertThat(watch.check(FAST_ROUND)).isEmpty();

        // Then a new silence is a new STALE
        clock.advance(Duration.ofMinutes(6));
        assertThat(watch.check(FAST_ROUND))
                .singleElement()
                .extracting(FeedStatusChanged::status)
                .isEqualTo(Status.STALE);
    }

    @Test
    void aQuoteBeforeTheStaleWasAcknowledgedDropsIt() {
        // Given a STALE the broker has not taken
        FeedWatch watch = watching(MarketSession.REGULAR);
        clock.advance(Duration.ofMinutes(6));
        FeedStatusChanged stale = watch.check(FAST_ROUND).getFirst();

        // When a quote comes
        List<FeedStatusChanged> changes = watch.received(List.of(quote("100", clock.instant())));

        // Then nobody heard of the STALE: no RESUMED, and nothing is due
        assertThat(changes).isEmpty();
        watch.acknowledged(stale);
        assertThat(watch.staleCount()).isZero();
        assertThat(watch.check(FAST_ROUND)).isEmpty();
    }

    @Test
    void losingTheLeadershipForgetsEverythingAndASymbolNoLongerWatchedIsForgotten() {
        // Given a stale symbol
        FeedWatch watch = staleSince(MONDAY_10_00);
        assertThat(watch.staleCount()).isEqualTo(1);

        // When the leadership is lost, then regained
        watch.forget();
        assertThat(watch.staleCount()).isZero();
        watch.watch(Set.of(AAPL));

        // Then a quote is no resume, and the silence is counted from the new start of the watch
        assertThat(watch.received(List.of(quote("100", clock.instant())))).isEmpty();
        clock.advance(Duration.ofMinutes(4));
        assertThat(watch.check(FAST_ROUND)).isEmpty();

        // And a symbol no longer watched is forgotten with its state
        FeedWatch other = staleSince(MONDAY_10_00);
        other.watch(Set.of(Symbol.of("MSFT")));
        assertThat(other.staleCount()).isZero();
        assertThat(other.received(List.of(quote("100", clock.instant())))).isEmpty();
    }

    private FeedWatch watching(MarketSession session) {
        FeedWatch watch = new FeedWatch(provider, session, STALE_AFTER, new EventIds(clock), clock);
        watch.watch(Set.of(AAPL));
        return watch;
    }

    /** A watch in which AAPL, last quoted by {@code lastQuote}, is stale (acknowledged) from five minutes later. */
    private FeedWatch staleSince(Instant lastTick, Quote lastQuote) {
        clock.set(lastTick);
        FeedWatch watch = watching(MarketSession.ANY);
        watch.received(List.of(lastQuote));
        clock.advance(STALE_AFTER.plusSeconds(1));
        FeedStatusChanged stale = watch.check(FAST_ROUND).getFirst();
        watch.acknowledged(stale);
        return watch;
    }

    private FeedWatch staleSince(Instant lastTick) {
        return staleSince(lastTick, quote("100", lastTick));
    }

    private static void assertStrictlyInside(FeedStatusChanged change) {
        Instant previous = change.lastTickAt();
        for (PricePoint point : change.catchUp()) {
            assertThat(point.at()).isAfter(previous).isBefore(change.resumedAt());
            previous = point.at();
        }
    }

    private static Quote quote(String price, Instant at) {
        return quote(AAPL, price, at);
    }

    private static Quote quote(Symbol symbol, String price, Instant at) {
        return Quote.of(symbol, bd(price), 1L, at);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Quote dayQuote(String price, String high, String low, Instant at) {
        return new Quote(
                AAPL,
                bd(price),
                bd("100"),
                bd(high),
                bd(low),
                1L,
                bd("100"),
                null,
                null,
                LocalDate.ofInstant(at, org.stockalerts.common.market.MarketCalendar.NEW_YORK),
                at);
    }

    private static IntradayBar bar(String start, String open, String high, String low, String close) {
        Instant at = Instant.parse(start);
        return new IntradayBar(at, at.plus(Duration.ofMinutes(1)), bd(open), bd(high), bd(low), bd(close));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    /** A provider with scripted bars, recording what it was asked; its bar requests take {@code takes}. */
    private final class BarProvider implements QuoteProvider {

        List<IntradayBar> bars = List.of();
        final List<List<Instant>> asked = new ArrayList<>();
        RuntimeException failure;
        Duration takes = Duration.ZERO;
        Duration timeout = Duration.ZERO;
        boolean datesQuotesByTrade = true;
        Runnable whileAsked = () -> {};

        @Override
        public TickSource source() {
            return TickSource.ALPACA;
        }

        @Override
        public List<Quote> fetch(List<Symbol> symbols) {
            return List.of();
        }

        @Override
        public List<IntradayBar> intradayBars(Symbol symbol, Instant from, Instant to) {
            asked.add(List.of(from, to));
            whileAsked.run();
            clock.advance(takes);
            if (failure != null) {
                throw failure;
            }
            return bars;
        }

        @Override
        public Duration intradayBarsTimeout() {
            return timeout;
        }

        @Override
        public boolean datesQuotesByTrade() {
            return datesQuotesByTrade;
        }
    }
}
