package org.stockalerts.api.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A portfolio with every holding valued at its latest price, and the totals. */
record PortfolioView(
        UUID id,
        UUID userId,
        String name,
        Instant createdAt,
        Instant updatedAt,
        List<Valuation.HoldingValue> holdings,
        Valuation.Totals totals) {}
