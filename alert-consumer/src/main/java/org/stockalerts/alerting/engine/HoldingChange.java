package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.Symbol;

/**
 * A user's total quantity of a symbol changed (over all their portfolios), routed to the symbol's
 * partition so its ticks reach the user's portfolio rules.
 *
 * @param quantity the new total; zero when the user no longer holds the symbol
 */
public record HoldingChange(UUID userId, Symbol symbol, BigDecimal quantity, UUID sourceEventId, Instant at) {}
