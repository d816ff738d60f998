package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One observed price of one symbol, published on {@code stock-prices} keyed by symbol.
 *
 * @param price last traded price, strictly positive
 * @param volume cumulative volume of the trading day when the source reports it, else null
 * @param dayOpen day's open when the source has it, else null
 * @param dayHigh day's high when the source has it, else null
 * @param dayLow day's low when the source has it, else null
 * @param previousClose previous session's close when the source has it, else null
 * @param observedAt when the price was observed at the source (event time)
 */
public record PriceTick(
        UUID eventId,
        Instant occurredAt,
        int version,
        Symbol symbol,
        BigDecimal price,
        Long volume,
        BigDecimal dayOpen,
        BigDecimal dayHigh,
        BigDecimal dayLow,
        BigDecimal previousClose,
        TickSource source,
        Instant observedAt)
        implements Event {

    public static final int CURRENT_VERSION = 1;

    public PriceTick {
        version = Require.event(eventId, occurredAt, version, "symbol", symbol);
        Require.positive(price, "price");
        if (volume != null && volume < 0) {
            throw new IllegalArgumentException("field 'volume' must not be negative, was " + volume);
        }
        Require.notNegative(dayOpen, "dayOpen");
        Require.notNegative(dayHigh, "dayHigh");
        Require.notNegative(dayLow, "dayLow");
        Require.notNegative(previousClose, "previousClose");
        Require.allPresent("source, observedAt", source, observedAt);
    }

    /** A tick with only the fields every source has. */
    public static PriceTick of(
            UUID eventId, Instant occurredAt, Symbol symbol, BigDecimal price, TickSource source, Instant observedAt) {
        return new PriceTick(
                eventId, occurredAt, CURRENT_VERSION, symbol, price, null, null, null, null, null, source, observedAt);
    }
}
