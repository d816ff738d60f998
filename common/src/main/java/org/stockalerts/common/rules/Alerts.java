package org.stockalerts.common.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;

/**
 * Builds the {@link AlertTriggered} events. Their ids and facts derive from the rule and the input that fired it, so
 * a replayed input produces the same alert (the event id is the deterministic alert id and {@code occurredAt} is
 * the input's event time); only the receipt's {@code evaluatedAt} and latency say when this evaluation ran.
 */
public final class Alerts {

    private Alerts() {}

    /**
     * A tick fired {@code fired} (its state after firing; {@code before}, its state before): {@code value} is what
     * the rule compared with its level. {@code evaluatedAt} is null in a dry run, which evaluates nothing live.
     */
    public static AlertTriggered onTick(
            StoredRule fired, RuleState before, BigDecimal value, PriceContext tick, Instant evaluatedAt) {
        return onTick(fired, before, value, tick, evaluatedAt, false);
    }

    /**
     * As {@link #onTick(StoredRule, RuleState, BigDecimal, PriceContext, Instant)}; {@code catchUp} when the tick is
     * a price a blind feed's gap hid ({@link CatchUp}): the receipt says so and the message starts with "Catch-up".
     */
    public static AlertTriggered onTick(
            StoredRule fired,
            RuleState before,
            BigDecimal value,
            PriceContext tick,
            Instant evaluatedAt,
            boolean catchUp) {
        AlertRule rule = fired.rule();
        boolean move = rule.condition().kind() == Condition.Kind.MOVE;
        AlertReceipt receipt = receipt(
                fired,
                before,
                value,
                move ? null : tick.previousPrice(),
                move ? tick.referencePrice(rule.reference(), rule.windowMinutes()) : null,
                tick.tick(),
                tick.tick().eventId(),
                tick.at(),
                evaluatedAt,
                catchUp);
        String message = priceMessage(rule, tick.price(), value);
        if (catchUp) {
            message = "Catch-up after a blind feed: " + message.replace("(now ", "(at ");
        }
        return AlertTriggered.fired(
                rule, tick.tick().eventId(), tick.price(), tick.tick(), tick.at(), message, receipt);
    }

    /** A signal rule fired: {@code fired} is its state after firing, {@code before} its state before. */
    public static AlertTriggered onSignal(
            StoredRule fired,
            RuleState before,
            Signal signal,
            BigDecimal close,
            UUID sourceEventId,
            Instant at,
            Instant evaluatedAt) {
        AlertRule rule = fired.rule();
        AlertReceipt receipt = receipt(fired, before, close, null, null, null, sourceEventId, at, evaluatedAt, false);
        String message = "%s: SMA5/SMA20 signal turned %s (close %s)".formatted(rule.symbol(), signal, plain(close));
        return AlertTriggered.fired(rule, sourceEventId, close, null, at, message, receipt);
    }

    /**
     * A portfolio rule fired: {@code value} is the portfolio's value now, {@code previous} before this update (null
     * when it could not be known).
     */
    public static AlertTriggered onPortfolio(
            StoredRule fired,
            RuleState before,
            BigDecimal value,
            BigDecimal previous,
            UUID sourceEventId,
            PriceTick tick,
            Instant at,
            Instant evaluatedAt) {
        AlertRule rule = fired.rule();
        AlertReceipt receipt =
                receipt(fired, before, value, previous, null, tick, sourceEventId, at, evaluatedAt, false);
        String side = RuleSemantics.upward(rule.condition()) ? "at or above" : "at or below";
        String message = "Your portfolio value is %s %s (now %s)"
                .formatted(side, plain(rule.threshold()), plain(value.setScale(2, RoundingMode.HALF_UP)));
        return AlertTriggered.fired(rule, sourceEventId, value, tick, at, message, receipt);
    }

    private static AlertReceipt receipt(
            StoredRule fired,
            RuleState before,
            BigDecimal value,
            BigDecimal previous,
            BigDecimal referencePrice,
            PriceTick tick,
            UUID sourceEventId,
            Instant at,
            Instant evaluatedAt,
            boolean catchUp) {
        AlertRule rule = fired.rule();
        return new AlertReceipt(
                rule.condition(),
                rule.threshold(),
                rule.percent(),
                rule.reference(),
                rule.windowMinutes(),
                rule.signal(),
                value,
                previous,
                referencePrice,
                sourceEventId,
                tick == null ? null : tick.source(),
                at,
                evaluatedAt,
                latencyMillis(tick, evaluatedAt),
                rule.revision(),
                trigger(before),
                trigger(fired.state()),
                catchUp);
    }

    /** From the tick's publication to the evaluation; null without a tick, or when clocks disagree (negative). */
    private static Long latencyMillis(PriceTick tick, Instant evaluatedAt) {
        if (tick == null || tick.occurredAt() == null || evaluatedAt == null) {
            return null;
        }
        long millis = Duration.between(tick.occurredAt(), evaluatedAt).toMillis();
        return millis < 0 ? null : millis;
    }

    private static AlertReceipt.TriggerState trigger(RuleState state) {
        return new AlertReceipt.TriggerState(state.armed(), state.lastFiredAt());
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
