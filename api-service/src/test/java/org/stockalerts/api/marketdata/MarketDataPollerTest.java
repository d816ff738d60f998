package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.FeedStatusChanged.Problem;
import org.stockalerts.common.event.FeedStatusChanged.Status;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.testsupport.MutableClock;

class MarketDataPollerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol NOPE = Symbol.of("NOPE");
    private static final Symbol MSFT = Symbol.of("MSFT");

    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedProvider provider = new ScriptedProvider();
    private final List<Quote> published = new ArrayList<>();
    private final List<WatchedSymbol> watched = new ArrayList<>(List.of(new WatchedSymbol(AAPL, T0)));
    private final StaticLeadership leadership = new StaticLeadership();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<FeedStatusChanged> sent = new ArrayList<>();
    private boolean brokerTakes = true;
    private RuntimeException feedStatusFailure;
    private final RequestBudget budget =
            new RequestBudget(clock, 60, 100_000, Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void leaderFetchesTheWatchedSymbolsAndPublishesTheQuotes() {
        // Given a leading poller and a provider with a quote
        MarketDataPoller poller = poller();
        provider.answers.add(symbols -> List.of(quote(symbols.getFirst())));

        // When it runs a cycle
        poller.cycle();

        // Then the watched symbol was asked for, its quote published, and both show in the metrics
        assertThat(provider.requests).containsExactly(List.of(AAPL));
        assertThat(published).extracting(Quote::symbol).containsExactly(AAPL);
        assertThat(fetches("ok")).isEqualTo(1);
        assertThat(meters.get(MarketDataPoller.LEADER).gauge().value()).isEqualTo(1);
    }

    @Test
    void followerNeitherFetchesNorPublishes() {
        // Given a poller that does not lead
        leadership.leader = false;
        MarketDataPoller poller = poller();

        // When it runs cycles
        poller.cycle();
        clock.advance(Duration.ofMinutes(1));
        poller.cycle();

        // Then the provider was never called
        assertThat(provider.requests).isEmpty();
        assertThat(published).isEmpty();
        assertThat(meters.get(MarketDataPoller.LEADER).gauge().value()).isZero();
    }

    @Test
    void rateLimitAnswerPausesRequestsForTheBackoff() {
        // Given a provider that says its limit is reached, then answers normally
        MarketDataPoller poller = poller();
        provider.answers.add(symbols -> {
            throw new RateLimitedException("Note: 5 calls per minute");
        });
        provider.answers.add(symbols -> List.of(quote(AAPL)));

        // When cycles run during the one-minute back-off and after it
        poller.cycle();
        clock.advance(Duration.ofSeconds(59));
        poller.cycle();
        int duringPause = provider.requests.size();
        clock.advance(Duration.ofSeconds(1));
        poller.cycle();

        // Then nothing was asked during the pause, and polling resumed after it
        assertThat(duringPause).isEqualTo(1);
        assertThat(provider.requests).hasSize(2);
        assertThat(published).hasSize(1);
        assertThat(fetches("rate_limited")).isEqualTo(1);
    }

    @Test
    void unknownSymbolIsNoLongerPolledUntilAUserTouchesIt() {
        // Given two watched symbols, one of which the provider does not know
        watched.add(new WatchedSymbol(NOPE, T0));
        MarketDataPoller poller = poller();
        provider.fallback = symbols -> {
            if (symbols.contains(NOPE)) {
                throw new UnknownSymbolException(NOPE, "Invalid API call");
            }
            return List.of(quote(symbols.getFirst()));
        };

        // When several cycles run, the symbols being re-read in between
        for (int i = 0; i < 6; i++) {
            poller.refreshSymbolsSoon();
            poller.cycle();
            clock.advance(Duration.ofSeconds(1));
        }
        long nopeRequests =
                provider.requests.stream().filter(r -> r.contains(NOPE)).count();

        // Then it was asked for once only; after a user touches it, it is polled again
        assertThat(nopeRequests).isEqualTo(1);
        watched.set(1, new WatchedSymbol(NOPE, clock.instant()));
        for (int i = 0; i < 2; i++) {
            poller.refreshSymbolsSoon();
            poller.cycle();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(provider.requests.stream().filter(r -> r.contains(NOPE))).hasSize(2);
    }

    @Test
    void failingProviderIsRetriedAtTheNextCycle() {
        // Given a provider that fails once
        MarketDataPoller poller = poller();
        provider.answers.add(symbols -> {
            throw new QuoteProviderException("Alpha Vantage answered HTTP 503", true);
        });
        provider.answers.add(symbols -> List.of(quote(AAPL)));

        // When two cycles run a request slot apart
        poller.cycle();
        clock.advance(budget.spacing());
        poller.cycle();

        // Then the second one published
        assertThat(provider.requests).hasSize(2);
        assertThat(published).hasSize(1);
    }

    @Test
    void providersOwnSymbolsArePolledWithoutAnyoneWatchingThem() {
        // Given nothing watched, but a provider that brings its own symbol
        watched.clear();
        provider.own = Set.of(Symbol.of("MSFT"));
        MarketDataPoller poller = poller();

        // When a cycle runs
        poller.cycle();

        // Then that symbol was fetched
        assertThat(provider.requests).containsExactly(List.of(Symbol.of("MSFT")));
    }

    @Test
    void aSilentSymbolGoesStaleOnceAndAResumeTheBrokerRefusedIsSentAgainWhileTheQuotesStillGoOut() {
        // Given a symbol quoted once, then silent past the stale limit
        MarketDataPoller poller = poller();
        provider.answers.add(symbols -> List.of(quote(AAPL)));
        poller.cycle();
        clock.advance(Duration.ofMinutes(6));
        poller.cycle();
        clock.advance(Duration.ofSeconds(1));
        poller.cycle();
        assertThat(sent).singleElement().extracting(FeedStatusChanged::status).isEqualTo(Status.STALE);
        assertThat(meters.get(MarketDataPoller.FEED_STALE).gauge().value()).isEqualTo(1);

        // When it is quoted again but the broker does not take the RESUMED
        brokerTakes = false;
        provider.answers.add(symbols -> List.of(quote(AAPL)));
        clock.advance(Duration.ofSeconds(1));
        poller.cycle();
        int publishedBefore = published.size();

        // Then the resuming quote still went out, and the same RESUMED is sent again at the next cycle
        FeedStatusChanged resumed = sent.getLast();
        assertThat(resumed.status()).isEqualTo(Status.RESUMED);
        assertThat(publishedBefore).isEqualTo(2);
        brokerTakes = true;
        clock.advance(Duration.ofSeconds(1));
        poller.cycle();
        assertThat(sent.getLast()).isEqualTo(resumed);
        assertThat(meters.get(MarketDataPoller.FEED_STALE).gauge().value()).isZero();
        assertThat(meters.get(MarketDataPoller.FEED_EVENTS)
                        .tags("status", "RESUMED", "problem", "NO_TICKS")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anUnknownSymbolIsStaleAtOnceAndARefusedQuotaNamesTheProblem() {
        // Given two watched symbols: the provider does not know one and refuses the other for its quota
        watched.add(new WatchedSymbol(NOPE, T0));
        MarketDataPoller poller = poller();
        provider.fallback = symbols -> {
            if (symbols.contains(NOPE)) {
                throw new UnknownSymbolException(NOPE, "Invalid API call");
            }
            throw new RateLimitedException("Note: 5 calls per minute");
        };

        // When both are asked (the second after the refusal's pause), then the stale limit passes
        poller.cycle();
        clock.advance(Duration.ofSeconds(61));
        poller.cycle();
        List<FeedStatusChanged> atOnce = List.copyOf(sent);
        clock.advance(Duration.ofMinutes(5));
        poller.cycle();

        // Then the unknown one went stale at once, the refused one after the limit for its quota
        assertThat(atOnce).singleElement().satisfies(change -> {
            assertThat(change.symbol()).isEqualTo(NOPE);
            assertThat(change.problem()).isEqualTo(Problem.UNKNOWN_SYMBOL);
        });
        assertThat(sent.getLast().symbol()).isEqualTo(AAPL);
        assertThat(sent.getLast().problem()).isEqualTo(Problem.QUOTA_EXHAUSTED);
    }

    @Test
    void aRateLimitAnswerMakesEverySymbolsSilenceASpentQuota() {
        // Given two watched symbols, and a provider that refuses the first request for its limit
        watched.add(new WatchedSymbol(MSFT, T0));
        MarketDataPoller poller = poller();
        provider.fallback = symbols -> {
            throw new RateLimitedException("Note: 5 calls per minute");
        };

        // When one symbol is refused, and the stale limit passes before the other is asked
        poller.cycle();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        poller.cycle();

        // Then both are stale for the quota: the pause stopped the polling of both
        assertThat(sent)
                .extracting(FeedStatusChanged::symbol, FeedStatusChanged::problem)
                .containsExactlyInAnyOrder(tuple(AAPL, Problem.QUOTA_EXHAUSTED), tuple(MSFT, Problem.QUOTA_EXHAUSTED));
    }

    @Test
    void aSpentDayBudgetMakesTheSilenceASpentQuota() {
        // Given a feed that never closes, polled on a budget of two requests a day (one every 12 hours): the first
        // spent on the symbol's quote at midnight UTC, the second on a catch-up's bars
        Instant midnight = Instant.parse("2026-03-02T00:00:00Z");
        clock.set(midnight);
        RequestBudget twoADay = new RequestBudget(clock, 60, 2, Duration.ofMinutes(1), Duration.ofHours(1));
        MarketDataPoller poller = poller(twoADay, MarketSession.ANY);
        provider.answers.add(symbols -> List.of(quote(AAPL)));
        poller.cycle();
        assertThat(twoADay.tryAcquireNow()).isTrue();

        // When the next cycle finds the day's requests spent, and the stale limit (three 12-hour rounds) then passes
        clock.advance(Duration.ofSeconds(1));
        poller.cycle();
        clock.set(midnight.plus(Duration.ofHours(36)).plusSeconds(1));
        poller.cycle();

        // Then the symbol is stale for the quota, since the day's requests were found spent
        assertThat(sent).singleElement().satisfies(change -> {
            assertThat(change.problem()).isEqualTo(Problem.QUOTA_EXHAUSTED);
            assertThat(change.since()).isEqualTo(midnight.plusSeconds(1));
        });
    }

    @Test
    void theQuotesArePublishedEvenWhenTheFeedWatchFails() {
        // Given a symbol gone stale, and a feed-status sink that throws instead of answering false
        MarketDataPoller poller = poller();
        provider.answers.add(symbols -> List.of(quote(AAPL)));
        poller.cycle();
        clock.advance(Duration.ofMinutes(6));
        poller.cycle();
        feedStatusFailure = new IllegalStateException("a bug in the sink");

        // When the symbol is quoted again, in two cycles
        provider.answers.add(symbols -> List.of(quote(AAPL)));
        clock.advance(Duration.ofSeconds(1));
        poller.cycle();
        provider.answers.add(symbols -> List.of(quote(AAPL)));
        clock.advance(Duration.ofSeconds(1));
        poller.cycle();

        // Then both quotes went out all the same
        assertThat(published).hasSize(3);
    }

    @Test
    void losingTheLeadershipForgetsTheFeeds() {
        // Given a symbol silent past the stale limit
        MarketDataPoller poller = poller();
        poller.cycle();
        clock.advance(Duration.ofMinutes(6));
        poller.cycle();
        assertThat(meters.get(MarketDataPoller.FEED_STALE).gauge().value()).isEqualTo(1);

        // When the leadership is lost
        leadership.leader = false;
        clock.advance(Duration.ofSeconds(5));
        poller.cycle();

        // Then nothing is stale any more as far as this instance knows
        assertThat(meters.get(MarketDataPoller.FEED_STALE).gauge().value()).isZero();
    }

    private MarketDataPoller poller() {
        return poller(budget, MarketSession.REGULAR);
    }

    private MarketDataPoller poller(RequestBudget budget, MarketSession staleSession) {
        return new MarketDataPoller(new MarketDataPoller.Parts(
                provider,
                budget,
                () -> List.copyOf(watched),
                (quotes, source) -> published.addAll(quotes),
                new FeedWatch(provider, staleSession, Duration.ofMinutes(5), new EventIds(clock), clock),
                change -> {
                    if (feedStatusFailure != null) {
                        throw feedStatusFailure;
                    }
                    sent.add(change);
                    return brokerTakes;
                },
                leadership,
                clock,
                Duration.ofSeconds(1),
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                meters));
    }

    private double fetches(String outcome) {
        return meters.get(MarketDataPoller.FETCHES)
                .tags("provider", "alphavantage", "outcome", outcome)
                .counter()
                .count();
    }

    private Quote quote(Symbol symbol) {
        return Quote.of(symbol, new BigDecimal("100.00"), 1L, clock.instant());
    }

    /** A provider whose answers the test scripts, one per request. */
    private static final class ScriptedProvider implements QuoteProvider {

        final Deque<Function<List<Symbol>, List<Quote>>> answers = new ArrayDeque<>();
        final List<List<Symbol>> requests = new ArrayList<>();
        Function<List<Symbol>, List<Quote>> fallback = symbols -> List.of();
        Set<Symbol> own = Set.of();

        @Override
        public TickSource source() {
            return TickSource.ALPHAVANTAGE;
        }

        @Override
        public int maxSymbolsPerRequest() {
            return 1;
        }

        @Override
        public List<Quote> fetch(List<Symbol> symbols) {
            requests.add(List.copyOf(symbols));
            return (answers.isEmpty() ? fallback : answers.poll()).apply(symbols);
        }

        @Override
        public Set<Symbol> ownSymbols() {
            return own;
        }
    }

    private static final class StaticLeadership implements Leadership {

        boolean leader = true;

        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public void close() {
            leader = false;
        }
    }
}
