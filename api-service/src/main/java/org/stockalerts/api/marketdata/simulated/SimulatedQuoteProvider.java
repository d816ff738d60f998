package org.stockalerts.api.marketdata.simulated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.api.marketdata.QuoteProvider;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;

/**
 * The simulated market as a provider: each fetch returns every tick that fell due since the last one,
 * one per {@code tickInterval} and symbol, stamped with its own time on the tick grid.
 */
public final class SimulatedQuoteProvider implements QuoteProvider {

    private final SimulatedMarket market;
    private final Clock clock;
    private final Duration tickInterval;
    private final int maxTicksPerPoll;
    private final Map<Symbol, Instant> lastTick = new HashMap<>();

    public SimulatedQuoteProvider(SimulatedFeedSettings settings, ZoneId exchangeZone, Clock clock) {
        this.market = new SimulatedMarket(settings.seed(), settings.drift(), settings.volatility(), exchangeZone);
        this.clock = clock;
        this.tickInterval = settings.tickInterval();
        this.maxTicksPerPoll = settings.maxTicksPerPoll();
    }

    @Override
    public TickSource source() {
        return TickSource.SIMULATED;
    }

    @Override
    public List<Quote> fetch(List<Symbol> symbols) {
        Instant now = clock.instant();
        List<Quote> quotes = new ArrayList<>();
        for (Symbol symbol : symbols) {
            Instant last = lastTick.get(symbol);
            if (last == null) {
                quotes.add(market.next(symbol, now));
                lastTick.put(symbol, now);
                continue;
            }
            long due = Math.min(maxTicksPerPoll, Duration.between(last, now).toNanos() / tickInterval.toNanos());
            Instant at = due == maxTicksPerPoll ? now.minus(tickInterval.multipliedBy(due)) : last;
            for (long i = 0; i < due; i++) {
                at = at.plus(tickInterval);
                quotes.add(market.next(symbol, at));
            }
            lastTick.put(symbol, at);
        }
        return quotes;
    }
}
