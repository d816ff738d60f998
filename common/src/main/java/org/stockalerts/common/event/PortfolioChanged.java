package org.stockalerts.common.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full, current set of positions of a user's portfolio after a change (a snapshot, not a delta). A
 * watch entry (a symbol watched for its price thresholds) holds nothing and is not in it.
 */
public record PortfolioChanged(
        UUID eventId, Instant occurredAt, int version, UUID userId, UUID portfolioId, List<Holding> holdings)
        implements UserEvent {

    public static final int CURRENT_VERSION = 1;

    public PortfolioChanged {
        version = Require.event(eventId, occurredAt, version, "userId, portfolioId", userId, portfolioId);
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
    }
}
