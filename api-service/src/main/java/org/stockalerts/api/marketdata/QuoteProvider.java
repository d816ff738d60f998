package org.stockalerts.api.marketdata;

import java.time.Duration;
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
     * spend a request on them now, or does not answer within {@link #intradayBarsTimeout()}: it never throws (a bar
     * it cannot read is left out, an answer it cannot read gives none), and logs a failure without secrets.
     */
    default List<IntradayBar> intradayBars(Symbol symbol, Instant from, Instant to) {
        return List.of();
    }

    /**
     * The longest one {@link #intradayBars} call takes. It is also what one poll spends on bars in all: once it has
     * passed, the poll's further resuming symbols go without ({@link FeedWatch}). Zero (the default) for a provider
     * without bars, or whose bars take no time.
     */
    default Duration intradayBarsTimeout() {
        return Duration.ZERO;
    }

    /**
     * Whether each quote's {@code observedAt} is the time of its own trade or quote, so that a quote no newer than
     * the last shows a frozen feed (the default). False for a provider that dates its quotes more coarsely: its every
     * answer shows the feed alive ({@link FeedWatch}).
     */
    default boolean datesQuotesByTrade() {
        return true;
    }

    /** Symbols this provider brings on its own (a replayed file's), polled besides the watched ones. */
    default Set<Symbol> ownSymbols() {
        return Set.of();
    }
}
