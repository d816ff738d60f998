package org.stockalerts.api.marketdata;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.FeedStatusChanged.Problem;
import org.stockalerts.common.event.FeedStatusChanged.Status;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.market.MarketCalendar;
import org.stockalerts.common.market.MarketSession;

/**
 * Whether the provider's feed of each watched symbol is alive, and the {@link FeedStatusChanged} events of its
 * changes (docs/market-data.md, "Blind feeds"). Liveness is of the feed, not of the price: a quote equal to the last
 * counts too, as long as it is newer ({@code observedAt} later than the last quote's), so a provider that keeps
 * answering one frozen quote is not taken for a live feed. A provider that dates its quotes coarser than by their trade
 * ({@link QuoteProvider#datesQuotesByTrade()}: Alpha Vantage's {@code GLOBAL_QUOTE}) is alive with every answer.
 *
 * <ul>
 *   <li>A symbol goes stale ({@link Problem#NO_TICKS}) while the configured session is open and no quote came for
 *       longer than the stale limit, counted from the latest of its last quote, the session's opening today and the
 *       moment this instance began watching it; {@link Problem#QUOTA_EXHAUSTED} instead when the provider refused
 *       for its limits since that quote. Out of session a quiet symbol is not stale.
 *   <li>It goes stale at once, at any time of day, when the provider says it does not know it ({@link
 *       Problem#UNKNOWN_SYMBOL}).
 *   <li>A stale symbol that gets a quote again resumes, with the prices its gap hid ({@link CatchUp}): the
 *       provider's intraday bars over the gap, else the new day high or low the resuming quote reports, else none.
 *       The bars of one {@link #received} are asked only until the provider's {@link
 *       QuoteProvider#intradayBarsTimeout()} has passed since it began, so many symbols resuming at once do not hold
 *       the poller for minutes.
 * </ul>
 *
 * <p>Each change is one event that stays pending until {@link #acknowledged} (the broker took it): until then the
 * symbol's state is unchanged and {@link #check} hands the same event (same event id) out again. The poller's thread
 * uses it, but the lifecycle's thread {@link #forget}s when the poller stops, perhaps in the middle of a cycle: its
 * methods are synchronized. {@link #staleCount} may be read from any thread.
 */
public final class FeedWatch {

    /** The stale limit is at least this many times the rotation's round, so a slow rotation is not a blind feed. */
    static final int ROUNDS_BEFORE_STALE = 3;

    // the openings MarketSession documents; MarketCalendar knows only whether a session is open
    private static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    private static final LocalTime EXTENDED_OPEN = LocalTime.of(4, 0);

    private final QuoteProvider provider;
    private final MarketSession session;
    private final Duration staleAfter;
    private final EventIds eventIds;
    private final Clock clock;
    private final Map<Symbol, Feed> feeds = new HashMap<>();
    private volatile int stale;

    /** What is known of one symbol's feed. */
    private static final class Feed {
        final Instant watchedSince;
        Quote lastQuote;
        Instant lastQuoteReceivedAt;
        Instant refusedSince;
        /** The acknowledged STALE event while the symbol is stale; null while its feed is alive. */
        FeedStatusChanged staleEvent;
        /** A change handed out but not yet acknowledged. */
        FeedStatusChanged pending;

        Feed(Instant watchedSince) {
            this.watchedSince = watchedSince;
        }
    }

    /**
     * @param session the session in which silence counts ({@link MarketSession#ANY} for a feed that never closes)
     * @param staleAfter the shortest silence that makes a symbol stale
     */
    public FeedWatch(
            QuoteProvider provider, MarketSession session, Duration staleAfter, EventIds eventIds, Clock clock) {
        this.provider = provider;
        this.session = session;
        this.staleAfter = staleAfter;
        this.eventIds = eventIds;
        this.clock = clock;
    }

    /** The watched symbols are now {@code symbols}: a new one is watched from now, one no longer there forgotten. */
    public synchronized void watch(Collection<Symbol> symbols) {
        Set<Symbol> wanted = new HashSet<>(symbols);
        feeds.keySet().retainAll(wanted);
        Instant now = clock.instant();
        wanted.forEach(symbol -> feeds.computeIfAbsent(symbol, s -> new Feed(now)));
        recount();
    }

    /**
     * The provider answered {@code quotes}: their symbols' feeds are alive, unless a quote is no newer than the last
     * (see above). Answers the RESUMED event of each stale symbol among them, with its catch-up; a STALE not yet
     * acknowledged is dropped instead (nobody heard of it).
     */
    public synchronized List<FeedStatusChanged> received(List<Quote> quotes) {
        Instant now = clock.instant();
        Instant barsUntil = now.plus(provider.intradayBarsTimeout());
        List<FeedStatusChanged> changes = new ArrayList<>();
        for (Quote quote : quotes) {
            Feed feed = feeds.get(quote.symbol());
            if (feed == null) {
                continue;
            }
            feed.refusedSince = null;
            if (!proofOfLife(feed, quote)) {
                continue;
            }
            if (feed.pending != null && feed.pending.status() == Status.STALE) {
                feed.pending = null;
            }
            if (feed.staleEvent != null && feed.pending == null) {
                feed.pending = resumed(feed, quote, !clock.instant().isAfter(barsUntil));
                changes.add(feed.pending);
            }
            feed.lastQuote = quote;
            feed.lastQuoteReceivedAt = now;
        }
        return changes;
    }

    /** The provider refused a request for {@code symbols} for its limits: their silence is a spent quota. */
    public synchronized void rateLimited(Collection<Symbol> symbols) {
        Instant now = clock.instant();
        for (Symbol symbol : symbols) {
            Feed feed = feeds.get(symbol);
            if (feed != null && feed.refusedSince == null) {
                feed.refusedSince = now;
            }
        }
    }

    /** The provider does not know {@code symbol}: its STALE event, unless it is stale already. */
    public synchronized Optional<FeedStatusChanged> unknown(Symbol symbol) {
        Feed feed = feeds.get(symbol);
        if (feed == null || feed.staleEvent != null || feed.pending != null) {
            return Optional.empty();
        }
        feed.pending = stale(symbol, feed, Problem.UNKNOWN_SYMBOL, clock.instant());
        return Optional.of(feed.pending);
    }

    /**
     * The changes due now: a STALE event for each symbol silent too long in session, and every change not yet
     * acknowledged (again). {@code round} is how long the rotation takes to come back to a symbol.
     */
    public synchronized List<FeedStatusChanged> check(Duration round) {
        Instant now = clock.instant();
        Duration limit = max(staleAfter, round.multipliedBy(ROUNDS_BEFORE_STALE));
        boolean open = MarketCalendar.NYSE.isOpen(session, now);
        List<FeedStatusChanged> due = new ArrayList<>();
        for (Map.Entry<Symbol, Feed> entry : feeds.entrySet()) {
            Feed feed = entry.getValue();
            Instant silentSince = silentSince(feed, now);
            boolean silent = open && Duration.between(silentSince, now).compareTo(limit) > 0;
            if (feed.pending != null
                    && feed.pending.status() == Status.STALE
                    && feed.pending.problem() != Problem.UNKNOWN_SYMBOL
                    && !silent) {
                feed.pending = null;
            }
            if (feed.pending == null && feed.staleEvent == null && silent) {
                feed.pending = feed.refusedSince != null
                        ? stale(entry.getKey(), feed, Problem.QUOTA_EXHAUSTED, feed.refusedSince)
                        : stale(entry.getKey(), feed, Problem.NO_TICKS, silentSince.plus(limit));
            }
            if (feed.pending != null) {
                due.add(feed.pending);
            }
        }
        due.sort((a, b) -> a.symbol().value().compareTo(b.symbol().value()));
        return due;
    }

    /** The broker took {@code change}: the symbol's state is now what it says. */
    public synchronized void acknowledged(FeedStatusChanged change) {
        Feed feed = feeds.get(change.symbol());
        if (feed == null || feed.pending == null || !feed.pending.eventId().equals(change.eventId())) {
            return;
        }
        feed.staleEvent = change.status() == Status.STALE ? change : null;
        feed.pending = null;
        recount();
    }

    /**
     * Forgets every symbol (leadership lost, or the poller stops): the next leader starts afresh. A STALE it reported
     * is cleared by the engine at the symbol's next tick, whoever publishes it.
     */
    public synchronized void forget() {
        feeds.clear();
        recount();
    }

    /** How many symbols are stale now (acknowledged); safe from any thread. */
    public int staleCount() {
        return stale;
    }

    private FeedStatusChanged stale(Symbol symbol, Feed feed, Problem problem, Instant since) {
        return FeedStatusChanged.stale(
                eventIds.next(), clock.instant(), symbol, problem, provider.source(), lastTickAt(feed), since);
    }

    private FeedStatusChanged resumed(Feed feed, Quote quote, boolean askBars) {
        FeedStatusChanged stale = feed.staleEvent;
        CatchUp catchUp = feed.lastQuote == null ? CatchUp.NONE : CatchUp.of(provider, feed.lastQuote, quote, askBars);
        return FeedStatusChanged.resumed(
                eventIds.next(),
                clock.instant(),
                quote.symbol(),
                stale.problem(),
                provider.source(),
                lastTickAt(feed),
                stale.since(),
                quote.observedAt(),
                catchUp.source(),
                catchUp.points(),
                previousClose(feed.lastQuote, quote));
    }

    /**
     * The previous close the gap's prices are measured from by move rules: the one the quotes on both sides of the gap
     * report, so the gap lies in one session; null when they differ (the gap spans a close) or one does not say.
     */
    private static BigDecimal previousClose(Quote before, Quote resumed) {
        if (before == null || before.previousClose() == null || resumed.previousClose() == null) {
            return null;
        }
        return before.previousClose().compareTo(resumed.previousClose()) == 0 ? resumed.previousClose() : null;
    }

    /** Whether {@code quote} shows the feed alive: newer than the last, unless the provider dates quotes coarsely. */
    private boolean proofOfLife(Feed feed, Quote quote) {
        return feed.lastQuote == null
                || !provider.datesQuotesByTrade()
                || quote.observedAt().isAfter(feed.lastQuote.observedAt());
    }

    private Instant silentSince(Feed feed, Instant now) {
        Instant since = feed.watchedSince;
        if (feed.lastQuoteReceivedAt != null && feed.lastQuoteReceivedAt.isAfter(since)) {
            since = feed.lastQuoteReceivedAt;
        }
        if (session != MarketSession.ANY) {
            LocalTime opening = session == MarketSession.REGULAR ? REGULAR_OPEN : EXTENDED_OPEN;
            Instant opened = now.atZone(MarketCalendar.NEW_YORK)
                    .toLocalDate()
                    .atTime(opening)
                    .atZone(MarketCalendar.NEW_YORK)
                    .toInstant();
            since = opened.isAfter(since) ? opened : since;
        }
        return since;
    }

    private static Instant lastTickAt(Feed feed) {
        return feed.lastQuote == null ? null : feed.lastQuote.observedAt();
    }

    private void recount() {
        stale = (int)
                feeds.values().stream().filter(feed -> feed.staleEvent != null).count();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
