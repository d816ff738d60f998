package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.id.AlertIds;

/**
 * A rule fired. Published on {@code alerts-triggered} keyed by userId.
 *
 * @param alertId deterministic: {@code AlertIds.of(ruleId, sourceEventId)}, so a replayed input
 *     produces the same id and every sink and receiver can drop the duplicate
 * @param rule the rule as it was when it fired
 * @param sourceEventId the event that fired it: a tick, an analytics update or a portfolio change
 * @param observedValue the price (or portfolio value) that met the condition
 * @param tick the tick that fired the rule; null when the rule fired on analytics or a portfolio change
 * @param observedAt event time of the input that fired the rule
 * @param message a short user-facing sentence, e.g. "AAPL rose above 200.00 (now 201.37)"
 * @param receipt why it fired, as the engine saw it; null for alerts fired before receipts (and imported ones)
 */
public record AlertTriggered(
        UUID eventId,
        Instant occurredAt,
        int version,
        UUID alertId,
        UUID userId,
        AlertRule rule,
        Symbol symbol,
        UUID sourceEventId,
        BigDecimal observedValue,
        PriceTick tick,
        Instant observedAt,
        String message,
        AlertReceipt receipt)
        implements Event {

    public static final int CURRENT_VERSION = 1;

    public AlertTriggered {
        version = Require.event(
                eventId,
                occurredAt,
                version,
                "alertId, userId, rule, sourceEventId, observedValue, observedAt, message",
                alertId,
                userId,
                rule,
                sourceEventId,
                observedValue,
                observedAt,
                message);
    }

    /**
     * The alert {@code rule} raises on the input event {@code sourceEventId}, observed and published
     * at {@code at}; its alertId, which is also its eventId, is {@link AlertIds#of}, so a replayed
     * input raises the same alert.
     */
    public static AlertTriggered fired(
            AlertRule rule, UUID sourceEventId, BigDecimal observedValue, PriceTick tick, Instant at, String message) {
        return fired(rule, sourceEventId, observedValue, tick, at, message, null);
    }

    /** As {@link #fired(AlertRule, UUID, BigDecimal, PriceTick, Instant, String)}, with the engine's receipt. */
    public static AlertTriggered fired(
            AlertRule rule,
            UUID sourceEventId,
            BigDecimal observedValue,
            PriceTick tick,
            Instant at,
            String message,
            AlertReceipt receipt) {
        UUID alertId = AlertIds.of(rule.ruleId(), sourceEventId);
        return new AlertTriggered(
                alertId,
                at,
                CURRENT_VERSION,
                alertId,
                rule.userId(),
                rule,
                rule.symbol(),
                sourceEventId,
                observedValue,
                tick,
                at,
                message,
                receipt);
    }

    public UUID ruleId() {
        return rule.ruleId();
    }
}
