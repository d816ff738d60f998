package org.stockalerts.api.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import org.stockalerts.common.event.Symbol;

/** The latest stored price of a symbol, with the previous close when the source reported one. */
record LatestPrice(Symbol symbol, BigDecimal price, Instant observedAt, BigDecimal previousClose) {}
