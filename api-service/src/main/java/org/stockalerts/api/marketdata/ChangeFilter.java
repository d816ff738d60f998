package org.stockalerts.api.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.stockalerts.common.event.Symbol;

/**
 * Remembers the last published price, volume and provider time of each symbol, so a quote that
 * repeats the last one (a provider's end-of-day quote polled again) is not published twice.
 */
public final class ChangeFilter {

    private record Seen(BigDecimal price, Long volume, Instant observedAt) {

        static Seen of(Quote quote) {
            return new Seen(quote.price().stripTrailingZeros(), quote.volume(), quote.observedAt());
        }
    }

    private final ConcurrentMap<Symbol, Seen> last = new ConcurrentHashMap<>();

    /** True, and remembered, when {@code quote} differs from the last quote of its symbol. */
    public boolean changed(Quote quote) {
        Seen seen = Seen.of(quote);
        return !Objects.equals(last.put(quote.symbol(), seen), seen);
    }

    /** Forgets {@code quote} if it is still the last one, so that it counts as new again (after a failed send). */
    public void forget(Quote quote) {
        last.remove(quote.symbol(), Seen.of(quote));
    }
}
