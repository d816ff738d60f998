package org.stockalerts.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;

/** Price ticks for tests. */
public final class Ticks {

    private Ticks() {}

    /** A simulated tick of {@code symbol} at {@code price} observed at {@code at}; {@code volume} may be null. */
    public static PriceTick tick(String symbol, Instant at, String price, Long volume) {
        return new PriceTick(
                UUID.randomUUID(),
                at,
                PriceTick.CURRENT_VERSION,
                Symbol.of(symbol),
                new BigDecimal(price),
                volume,
                null,
                null,
                null,
                null,
                TickSource.SIMULATED,
                at);
    }
}
