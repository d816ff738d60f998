package org.stockalerts.common.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.Signal;

/**
 * What one rule does with one observation: the definition of the engine's semantics, rule by rule.
 * The indexed engine (alert-consumer's {@code SymbolRules}) must fire exactly what this evaluation fires; portfolio
 * rules use it directly.
 *
 * <p>A rule compares a <em>value</em> with its <em>level</em>: the price and the threshold for
 * level and cross rules, the move in percent and {@code percent} for move rules, the portfolio
 * value and the threshold for portfolio rules. Equality counts as reaching the level: above means
 * {@code value >= level}, below {@code value <= level}; a cross up needs {@code previous < level <=
 * value} (a gap over the level counts), a cross down {@code previous > level >= value}. A REARM rule
 * re-arms once the value has left the zone by the margin: below {@code level - margin} for upward
 * rules, above {@code level + margin} for downward ones (for move rules the margin is in percentage
 * points). An input observed outside the rule's market session ({@link AlertRule#session()}), or while it is
 * snoozed ({@link AlertRule#snoozedUntil()}), does not evaluate it: it neither fires nor re-arms.
 */
public final class RuleSemantics {

    private RuleSemantics() {}

    /** The rule after an observation, and whether it fired or changed otherwise (re-armed). */
    public record Outcome(StoredRule rule, boolean fired, boolean changed) {

        public static Outcome unchanged(StoredRule rule) {
            return new Outcome(rule, false, false);
        }
    }

    /**
     * Evaluates a level, cross, move or portfolio rule against {@code value} (and {@code previous},
     * the value before, for crosses) observed at {@code at} by the input {@code sourceEventId}.
     */
    public static Outcome onValue(
            StoredRule stored, BigDecimal value, BigDecimal previous, Instant at, UUID sourceEventId) {
        AlertRule rule = stored.rule();
        RuleState state = stored.state();
        if (value == null
                || !rule.isLiveAt(at)
                || rule.isSnoozedAt(at)
                || !rule.inSessionAt(at)
                || sourceEventId.equals(state.lastSourceEventId())) {
            return Outcome.unchanged(stored);
        }
        boolean holds = holds(rule, value, previous);
        return switch (rule.triggerMode()) {
            case ONCE -> state.armed() && holds ? fire(stored, false, at, sourceEventId) : Outcome.unchanged(stored);
            case COOLDOWN ->
                holds && cooldownOver(stored, at) ? fire(stored, true, at, sourceEventId) : Outcome.unchanged(stored);
            case REARM -> {
                if (!state.armed()) {
                    yield leftZone(rule, value)
                            ? new Outcome(stored.with(state.rearmed()), false, true)
                            : Outcome.unchanged(stored);
                }
                yield holds ? fire(stored, false, at, sourceEventId) : Outcome.unchanged(stored);
            }
        };
    }

    /** Evaluates a signal rule against the symbol's signal turning to {@code signal} at {@code at}. */
    public static Outcome onSignal(StoredRule stored, Signal signal, Instant at, UUID sourceEventId) {
        AlertRule rule = stored.rule();
        if (rule.signal() != signal
                || !rule.isLiveAt(at)
                // at is the end of the bar whose signal turned: the bar [start, end) is in the session (and the
                // snooze) its last instant is in (the 15:59 bar, ending at 16:00, is the regular session's; the 09:29
                // one is not)
                || rule.isSnoozedAt(at.minusNanos(1))
                || !rule.inSessionAt(at.minusNanos(1))
                || sourceEventId.equals(stored.state().lastSourceEventId())) {
            return Outcome.unchanged(stored);
        }
        return switch (rule.triggerMode()) {
            case ONCE -> stored.state().armed() ? fire(stored, false, at, sourceEventId) : Outcome.unchanged(stored);
            case COOLDOWN ->
                cooldownOver(stored, at) ? fire(stored, true, at, sourceEventId) : Outcome.unchanged(stored);
            // a turn is an edge: the signal has left and come back, so every turn re-arms
            case REARM -> fire(stored, true, at, sourceEventId);
        };
    }

    public static boolean holds(AlertRule rule, BigDecimal value, BigDecimal previous) {
        BigDecimal level = level(rule);
        return switch (rule.condition()) {
            case CROSSES_UP -> previous != null && previous.compareTo(level) < 0 && value.compareTo(level) >= 0;
            case CROSSES_DOWN -> previous != null && previous.compareTo(level) > 0 && value.compareTo(level) <= 0;
            default -> upward(rule.condition()) ? value.compareTo(level) >= 0 : value.compareTo(level) <= 0;
        };
    }

    public static boolean leftZone(AlertRule rule, BigDecimal value) {
        return upward(rule.condition()) ? value.compareTo(rearmLevel(rule)) < 0 : value.compareTo(rearmLevel(rule)) > 0;
    }

    /** The level the value is compared with: {@code percent} for move rules, else {@code threshold}. */
    public static BigDecimal level(AlertRule rule) {
        return rule.condition().kind() == Condition.Kind.MOVE ? rule.percent() : rule.threshold();
    }

    /** Past this level (below for upward rules, above for downward ones) a REARM rule re-arms. */
    public static BigDecimal rearmLevel(AlertRule rule) {
        BigDecimal margin = rule.rearmMargin() == null ? BigDecimal.ZERO : rule.rearmMargin();
        return upward(rule.condition())
                ? level(rule).subtract(margin)
                : level(rule).add(margin);
    }

    /** Whether the rule waits for its value to rise to the level (else to fall to it). */
    public static boolean upward(Condition condition) {
        return switch (condition) {
            case PRICE_BELOW, CROSSES_DOWN, PORTFOLIO_VALUE_BELOW -> false;
            default -> true;
        };
    }

    private static boolean cooldownOver(StoredRule stored, Instant at) {
        Instant until = stored.cooldownUntil();
        return until == null || !at.isBefore(until);
    }

    private static Outcome fire(StoredRule stored, boolean stillArmed, Instant at, UUID sourceEventId) {
        return new Outcome(stored.with(stored.state().fired(stillArmed, at, sourceEventId)), true, true);
    }
}
