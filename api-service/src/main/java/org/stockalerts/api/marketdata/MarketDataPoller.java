package org.stockalerts.api.marketdata;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.stockalerts.api.outbox.DedicatedThread;
import org.stockalerts.common.event.Symbol;

/**
 * Polls the provider for the watched symbols while this instance leads: each cycle checks leadership
 * (at most once per check interval), re-reads the watched symbols when due, and, when the request
 * budget allows, fetches the next batch in the rotation and publishes what changed. A rate-limit
 * answer pauses the budget; an unknown symbol is suspended; any other failure waits for the next
 * cycle. One thread does all of this, so the rotation, budget and provider need no locking.
 */
public final class MarketDataPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketDataPoller.class);

    /** The collaborators and timings of one poller. */
    public record Parts(
            QuoteProvider provider,
            RequestBudget budget,
            SymbolSource symbols,
            QuotePublisher publisher,
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
            parts.provider().release();
            return;
        }
        if (!now.isBefore(nextRefresh)) {
            refreshSymbols();
            nextRefresh = now.plus(parts.symbolsRefreshInterval());
        }
        List<Symbol> batch = rotation.nextBatch(parts.provider().maxSymbolsPerRequest());
        if (batch.isEmpty()) {
            parts.provider().release();
            return;
        }
        if (!parts.budget().tryAcquire()) {
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
        if (before != after) {
            log.atInfo()
                    .addKeyValue("symbols", after)
                    .addKeyValue("suspended", rotation.suspendedSymbols())
                    .addKeyValue(
                            "refreshEvery",
                            parts.budget()
                                    .refreshInterval(
                                            after, parts.provider().maxSymbolsPerRequest(), parts.pollInterval()))
                    .log("watched symbols changed");
        }
    }

    private void fetchAndPublish(List<Symbol> batch, Instant now) {
        try {
            List<Quote> quotes = parts.provider().fetch(batch);
            parts.budget().succeeded();
            parts.publisher().publish(quotes, parts.provider());
            count("ok");
        } catch (RateLimitedException e) {
            count("rate_limited");
            Duration pause = parts.budget().rateLimited();
            log.atWarn()
                    .addKeyValue("pause", pause)
                    .addKeyValue("reason", e.getMessage())
                    .log("provider rate limit reached; pausing");
        } catch (UnknownSymbolException e) {
            count("unknown_symbol");
            rotation.suspend(e.symbol(), now);
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

    private void count(String outcome) {
        parts.meters()
                .counter(FETCHES, "provider", parts.provider().source().wireName(), "outcome", outcome)
                .increment();
    }
}
