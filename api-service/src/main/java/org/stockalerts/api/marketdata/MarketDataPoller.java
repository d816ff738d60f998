package org.stockalerts.api.marketdata;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.stockalerts.api.outbox.DedicatedThread;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.Symbol;

/**
 * Polls the provider for the watched symbols while this instance leads: each cycle checks leadership
 * (at most once per check interval), re-reads the watched symbols when due, publishes the feed-status
 * changes that are due ({@link FeedWatch}: symbols gone stale, changes not yet acknowledged), and, when
 * the request budget allows, fetches the next batch in the rotation and publishes what changed, a
 * resumed feed's catch-up first. A rate-limit answer pauses the budget; an unknown symbol is suspended;
 * any other failure waits for the next cycle. One thread does all of this, so the rotation, budget
 * and provider need no locking; the watch locks itself, because {@link #stop} forgets it from the
 * lifecycle's thread while a cycle may still be running.
 */
public final class MarketDataPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketDataPoller.class);

    /** The collaborators and timings of one poller. */
    public record Parts(
            QuoteProvider provider,
            RequestBudget budget,
            SymbolSource symbols,
            QuotePublisher publisher,
            FeedWatch feedWatch,
            FeedStatusSink feedStatus,
            Leadership leadership,
            Clock clock,
            Duration pollInterval,
            Duration symbolsRefreshInterval,
            Duration leaderCheckInterval,
            MeterRegistry meters) {}

    /** Counter of fetches, tagged with the provider and the outcome (never with anything secret). */
    static final String FETCHES = "stockalerts.marketdata.fetches";

    /** Gauge: 1 while this instance leads, else 0. */
    static final String LEADER = "stockalerts.marketdata.leader";

    /** Gauge: the watched symbols whose feed is stale now. */
    static final String FEED_STALE = "stockalerts.marketdata.feed.stale";

    /** Counter of the feed-status changes published, tagged {@code status} and {@code problem}. */
    static final String FEED_EVENTS = "stockalerts.marketdata.feed.events";

    private final Parts parts;
    private final SymbolRotation rotation = new SymbolRotation();
    private final AtomicInteger leading = new AtomicInteger();
    private final DedicatedThread thread;
    private boolean leader;
    private Instant nextLeaderCheck = Instant.MIN;
    private volatile Instant nextRefresh = Instant.MIN;

    public MarketDataPoller(Parts parts) {
        this.parts = parts;
        this.thread =
                new DedicatedThread("market-data-poller", parts.pollInterval().plusSeconds(5));
        parts.meters().gauge(LEADER, leading);
        Gauge.builder(FEED_STALE, parts.feedWatch(), FeedWatch::staleCount)
                .description("Watched symbols whose market-data feed is stale now")
                .register(parts.meters());
    }

    @Override
    public void start() {
        if (!thread.start()) {
            return;
        }
        thread.repeat(this::safeCycle, parts.pollInterval());
        log.atInfo()
                .addKeyValue("provider", parts.provider().source().wireName())
                .addKeyValue("pollInterval", parts.pollInterval())
                .log("market-data poller started");
    }

    @Override
    public void stop() {
        if (thread.stop()) {
            parts.feedWatch().forget();
            parts.provider().release();
            parts.leadership().close();
        }
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }

    /** Re-reads the watched symbols at the next cycle instead of waiting for the refresh interval. */
    public void refreshSymbolsSoon() {
        nextRefresh = Instant.MIN;
    }

    /** One poll cycle; public so tests and benchmarks can drive a poller without its thread. */
    public void cycle() {
        Instant now = parts.clock().instant();
        if (!now.isBefore(nextLeaderCheck)) {
            leader = parts.leadership().isLeader();
            leading.set(leader ? 1 : 0);
            nextLeaderCheck = now.plus(parts.leaderCheckInterval());
        }
        if (!leader) {
            nextRefresh = Instant.MIN;
            parts.feedWatch().forget();
            parts.provider().release();
            return;
        }
        if (!now.isBefore(nextRefresh)) {
            refreshSymbols();
            nextRefresh = now.plus(parts.symbolsRefreshInterval());
        }
        watchFeeds(() -> parts.feedWatch().check(round()));
        List<Symbol> batch = rotation.nextBatch(parts.provider().maxSymbolsPerRequest());
        if (batch.isEmpty()) {
            parts.provider().release();
            return;
        }
        if (!parts.budget().tryAcquire()) {
            if (parts.budget().leftToday() == 0) {
                // no symbol is polled before the day's budget renews: each one's silence is the spent quota
                parts.feedWatch().rateLimited(rotation.active());
            }
            return;
        }
        fetchAndPublish(batch, now);
    }

    private void safeCycle() {
        try {
            cycle();
        } catch (RuntimeException e) {
            log.atError().addKeyValue("error", e.toString()).log("market-data poll cycle failed");
        }
    }

    private void refreshSymbols() {
        List<WatchedSymbol> watched = new ArrayList<>(parts.symbols().watchedSymbols());
        parts.provider().ownSymbols().forEach(symbol -> watched.add(new WatchedSymbol(symbol, Instant.MIN)));
        int before = rotation.active().size();
        rotation.update(watched);
        int after = rotation.active().size();
        List<Symbol> all = new ArrayList<>(rotation.active());
        all.addAll(rotation.suspendedSymbols());
        parts.feedWatch().watch(all);
        // a symbol suspended before this instance (re)gained the lead is still one the provider does not know
        rotation.suspendedSymbols()
                .forEach(symbol ->
                        parts.feedWatch().unknown(symbol).ifPresent(change -> publishFeedStatus(List.of(change))));
        if (before != after) {
            log.atInfo()
                    .addKeyValue("symbols", after)
                    .addKeyValue("suspended", rotation.suspendedSymbols())
                    .addKeyValue("refreshEvery", round())
                    .log("watched symbols changed");
        }
    }

    /** How long the rotation takes to come back to a symbol. */
    private Duration round() {
        return parts.budget()
                .refreshInterval(
                        rotation.active().size(), parts.provider().maxSymbolsPerRequest(), parts.pollInterval());
    }

    /**
     * Publishes {@code changes} in order, each acknowledged before the next; the first that fails stops the rest (the
     * broker is likely away: each would wait the send timeout), all of them due again at the next cycle.
     */
    private void publishFeedStatus(List<FeedStatusChanged> changes) {
        for (FeedStatusChanged change : changes) {
            if (!parts.feedStatus().publish(change)) {
                return;
            }
            parts.feedWatch().acknowledged(change);
            parts.meters()
                    .counter(
                            FEED_EVENTS,
                            "status",
                            change.status().name(),
                            "problem",
                            change.problem().name())
                    .increment();
            log.atInfo()
                    .addKeyValue("symbol", change.symbol())
                    .addKeyValue("status", change.status())
                    .addKeyValue("problem", change.problem())
                    .addKeyValue("since", change.since())
                    .addKeyValue("lastTickAt", change.lastTickAt())
                    .addKeyValue("resumedAt", change.resumedAt())
                    .addKeyValue("catchUpSource", change.catchUpSource())
                    .addKeyValue("points", change.catchUp().size())
                    .addKeyValue("eventId", change.eventId())
                    .log(change.status() == FeedStatusChanged.Status.STALE ? "feed went stale" : "feed resumed");
        }
    }

    private void fetchAndPublish(List<Symbol> batch, Instant now) {
        try {
            List<Quote> quotes = parts.provider().fetch(batch);
            parts.budget().succeeded();
            // a resumed feed's catch-up must be on the broker before the ticks after the gap. When it is not (the
            // send failed), the quotes still go out: holding back the live price would keep every rule on the
            // symbol blind longer, and the change, kept pending by the watch, is sent again at the next cycle so the
            // users still hear that the feed is back (the engine leaves out catch-up prices older than its last tick)
            watchFeeds(() -> parts.feedWatch().received(quotes));
            parts.publisher().publish(quotes, parts.provider());
            count("ok");
        } catch (RateLimitedException e) {
            count("rate_limited");
            // the pause stops every symbol's polling, not only this batch's
            parts.feedWatch().rateLimited(rotation.active());
            Duration pause = parts.budget().rateLimited();
            log.atWarn()
                    .addKeyValue("pause", pause)
                    .addKeyValue("reason", e.getMessage())
                    .log("provider rate limit reached; pausing");
        } catch (UnknownSymbolException e) {
            count("unknown_symbol");
            rotation.suspend(e.symbol(), now);
            parts.feedWatch().unknown(e.symbol()).ifPresent(change -> publishFeedStatus(List.of(change)));
            log.atWarn()
                    .addKeyValue("symbol", e.symbol())
                    .addKeyValue("reason", e.getMessage())
                    .log("provider does not know symbol; not polling it until a user touches it");
        } catch (QuoteProviderException e) {
            count("failed");
            log.atWarn()
                    .addKeyValue("symbols", batch)
                    .addKeyValue("transient", e.isTransient())
                    .addKeyValue("reason", e.getMessage())
                    .log("quote fetch failed");
        }
    }

    /**
     * Publishes the feed-status {@code changes} the watch hands out. A failure in the watch must not keep the quotes
     * from being fetched and published (every later cycle would fail the same way, and no tick would ever go out
     * again), so it is logged and the cycle goes on without the watch.
     */
    private void watchFeeds(Supplier<List<FeedStatusChanged>> changes) {
        try {
            publishFeedStatus(changes.get());
        } catch (RuntimeException e) {
            log.atError()
                    .addKeyValue("error", e.getClass().getName())
                    .log("feed watch failed; the quotes are fetched and published without it");
        }
    }

    private void count(String outcome) {
        parts.meters()
                .counter(FETCHES, "provider", parts.provider().source().wireName(), "outcome", outcome)
                .increment();
    }
}
