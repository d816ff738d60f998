package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;

/**
 * The latest price and the user's quantity of one held symbol, sent to the user's partition on
 * every tick of the symbol and whenever the holding changes.
 *
 * @param price the symbol's latest price; null while the engine has seen no tick of it
 * @param priceAt event time of that price
 * @param sourceEventId the tick, or the portfolio change, that caused this update
 * @param tick the tick, when a tick caused this update
 * @param at event time of the cause
 */
public record PortfolioPrice(
        UUID userId,
        Symbol symbol,
        BigDecimal quantity,
        BigDecimal price,
        Instant priceAt,
        UUID sourceEventId,
        PriceTick tick,
        Instant at) {}
