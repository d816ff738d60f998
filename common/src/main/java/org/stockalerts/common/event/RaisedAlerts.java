package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.id.AlertIds;

/**
 * The {@link AlertTriggered} a rule raises on an input event, built one way wherever alerts are made:
 * by alert-consumer's engine as rules fire, and by api-service's seed import as it recreates a Go
 * version's alert history. The alert id, which is also the event id, derives from the rule and the
 * input event ({@link AlertIds}), so the same rule and event give the same alert everywhere and
 * every sink can drop a repeat.
 */
public final class RaisedAlerts {

    private RaisedAlerts() {}

    /**
     * @param sourceEventId the input event (a tick, an analytics update) that made the rule fire
     * @param observed the price or value that fired it
     * @param tick the tick that fired it, or null when no tick did (a signal)
     * @param at when it fired
     */
    public static AlertTriggered of(
            AlertRule rule, UUID sourceEventId, BigDecimal observed, PriceTick tick, Instant at, String message) {
        UUID alertId = AlertIds.of(rule.ruleId(), sourceEventId);
        return new AlertTriggered(
                alertId,
                at,
                AlertTriggered.CURRENT_VERSION,
                alertId,
                rule.userId(),
                rule,
                rule.symbol(),
                sourceEventId,
                observed,
                tick,
                at,
                message);
    }
}
