package org.stockalerts.api.marketdata;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;

/** A source of quotes: Alpha Vantage, the simulated market or a replayed file. */
public interface QuoteProvider {

    /** What the ticks of this provider say their source is. */
    TickSource source();

    /** How many symbols one {@link #fetch} may ask for; a local source (simulated, replayed) has no limit. */
    default int maxSymbolsPerRequest() {
        return Integer.MAX_VALUE;
    }

    /**
     * The current quotes of {@code symbols}; a symbol the provider has nothing new for is left out.
     *
     * @throws RateLimitedException when the provider refuses because a request limit is reached
     * @throws UnknownSymbolException when the provider does not know a symbol
     * @throws QuoteProviderException when the provider could not be reached or answered nonsense
     */
    List<Quote> fetch(List<Symbol> symbols);

    /**
     * This instance stopped asking (it no longer leads, nothing is watched, or it stops): a provider that keeps a
     * connection open closes it. The next {@link #fetch} opens it again.
     */
    default void release() {}

    /**
     * The provider's one-minute bars of {@code symbol} that overlap {@code from} to {@code to}, oldest first, for the
     * catch-up of a feed that was blind ({@link FeedWatch}). Empty when the provider has none (the default), may not
     * spend a request on them now, or does not answer within its request timeout: it never throws, and logs a failure
     * without secrets.
     */
    default List<IntradayBar> intradayBars(Symbol symbol, Instant from, Instant to) {
        return List.of();
    }

    /** Symbols this provider brings on its own (a replayed file's), polled besides the watched ones. */
    default Set<Symbol> ownSymbols() {
        return Set.of();
    }
}
