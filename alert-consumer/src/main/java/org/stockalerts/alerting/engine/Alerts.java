package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;

/**
 * Builds the {@link AlertTriggered} events. Everything in them derives from the rule and the input
 * that fired it, so a replayed input produces an identical event: the event id is the
 * deterministic alert id and {@code occurredAt} is the input's event time.
 */
final class Alerts {

    private Alerts() {}

    static AlertTriggered onTick(AlertRule rule, PriceTick tick, BigDecimal measured) {
        String message = priceMessage(rule, tick.price(), measured);
        return AlertTriggered.fired(rule, tick.eventId(), tick.price(), tick, tick.observedAt(), message);
    }

    static AlertTriggered onSignal(AlertRule rule, Signal signal, BigDecimal close, UUID sourceEventId, Instant at) {
        String message = "%s: SMA5/SMA20 signal turned %s (close %s)".formatted(rule.symbol(), signal, plain(close));
        return AlertTriggered.fired(rule, sourceEventId, close, null, at, message);
    }

    static AlertTriggered onPortfolio(
            AlertRule rule, BigDecimal value, UUID sourceEventId, PriceTick tick, Instant at) {
        String side = RuleSemantics.upward(rule.condition()) ? "at or above" : "at or below";
        String message = "Your portfolio value is %s %s (now %s)"
                .formatted(side, plain(rule.threshold()), plain(value.setScale(2, RoundingMode.HALF_UP)));
        return AlertTriggered.fired(rule, sourceEventId, value, tick, at, message);
    }

    private static String priceMessage(AlertRule rule, BigDecimal price, BigDecimal measured) {
        String now = plain(price);
        return switch (rule.condition()) {
            case PRICE_ABOVE -> "%s is at or above %s (now %s)".formatted(rule.symbol(), plain(rule.threshold()), now);
            case PRICE_BELOW -> "%s is at or below %s (now %s)".formatted(rule.symbol(), plain(rule.threshold()), now);
            case CROSSES_UP ->
                "%s crossed up through %s (now %s)".formatted(rule.symbol(), plain(rule.threshold()), now);
            case CROSSES_DOWN ->
                "%s crossed down through %s (now %s)".formatted(rule.symbol(), plain(rule.threshold()), now);
            case MOVES_UP, MOVES_DOWN -> moveMessage(rule, measured, now);
            default -> throw new IllegalArgumentException("not a price rule: " + rule.condition());
        };
    }

    private static String moveMessage(AlertRule rule, BigDecimal measured, String now) {
        String verb = rule.condition() == Condition.MOVES_UP ? "rose" : "fell";
        String against = rule.reference() == MoveReference.PREVIOUS_CLOSE
                ? "against the previous close"
                : "in " + rule.windowMinutes() + " minutes";
        return "%s %s %s %% %s (now %s)"
                .formatted(rule.symbol(), verb, plain(measured.setScale(2, RoundingMode.HALF_UP)), against, now);
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
