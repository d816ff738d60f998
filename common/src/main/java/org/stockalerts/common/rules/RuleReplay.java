package org.stockalerts.common.rules;

import java.math.BigDecimal;
import java.util.Objects;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;

/**
 * One price rule (level, cross or move) replayed over its symbol's ticks, in the order they are given, with the
 * engine's own semantics: {@link SymbolState} accepts only ticks newer than the last one (so a duplicate or an older
 * tick is skipped, as the engine skips it), {@link PriceContext} gives the value the rule compares and {@link
 * RuleSemantics} decides, and {@link Alerts} builds the alert the engine would publish, with the same deterministic
 * alertId. The API's dry run ({@code POST /alerts/dry-run}) replays stored ticks through it.
 *
 * <p>The rule starts as the engine starts a new rule: armed, never fired. Ticks before the replayed range can
 * {@linkplain #warmUp warm up} the symbol's history (the previous price of a cross, the minute closes of a window
 * move) without evaluating the rule. The history kept is this rule's window plus a minute, as the engine keeps it for
 * a symbol whose longest window this rule has.
 */
public final class RuleReplay {

    private final int historyMinutes;
    private StoredRule rule;
    private SymbolState symbol = SymbolState.EMPTY;
    private long examined;

    /** Replays {@code rule}, which must watch prices (not a signal or a portfolio rule). */
    public RuleReplay(AlertRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (!replayable(rule.condition())) {
            throw new IllegalArgumentException("only price rules can be replayed over ticks, not " + rule.condition());
        }
        this.rule = StoredRule.fresh(rule);
        this.historyMinutes = rule.reference() == MoveReference.WINDOW
                ? Math.min(rule.windowMinutes(), AlertRule.MAX_WINDOW_MINUTES) + 1
                : 0;
    }

    /** Whether rules of {@code condition} are evaluated on ticks alone (level, cross and move rules). */
    public static boolean replayable(Condition condition) {
        return switch (condition.kind()) {
            case LEVEL, CROSS, MOVE -> true;
            default -> false;
        };
    }

    /**
     * Whether {@code rule}'s condition holds at {@code tick} on its own, so that an armed rule fires on the next tick
     * of its symbol that stays there: level rules, and moves against the previous close the tick carries. Crosses
     * (they need the price to pass the level) and window moves (they need history) never hold on one tick.
     */
    public static boolean holdsAt(AlertRule rule, PriceTick tick) {
        if (!replayable(rule.condition()) || rule.condition().kind() == Condition.Kind.CROSS) {
            return false;
        }
        BigDecimal value = new PriceContext(tick, SymbolState.EMPTY).valueFor(rule);
        return value != null && RuleSemantics.holds(rule, value, null);
    }

    /** How many minutes before the first replayed tick the history of this rule reaches (0: the previous tick). */
    public int historyMinutes() {
        return historyMinutes;
    }

    /** Takes {@code tick}, from before the replayed range, into the symbol's history without evaluating the rule. */
    public void warmUp(PriceTick tick) {
        requireSymbol(tick);
        if (symbol.accepts(tick)) {
            symbol = symbol.after(tick, historyMinutes);
        }
    }

    /**
     * Evaluates the rule against {@code tick}: the alert it fires (with a receipt whose {@code evaluatedAt} and
     * latency are null, since nothing ran live), or null. A tick not newer than the last one is skipped.
     */
    public AlertTriggered evaluate(PriceTick tick) {
        requireSymbol(tick);
        if (!symbol.accepts(tick)) {
            return null;
        }
        examined++;
        PriceContext context = new PriceContext(tick, symbol);
        RuleState before = rule.state();
        BigDecimal value = context.valueFor(rule.rule());
        RuleSemantics.Outcome outcome =
                RuleSemantics.onValue(rule, value, context.previousFor(rule.rule()), tick.observedAt(), tick.eventId());
        rule = outcome.rule();
        symbol = symbol.after(tick, historyMinutes);
        return outcome.fired() ? Alerts.onTick(rule, before, value, context, null) : null;
    }

    /** The ticks evaluated so far (skipped ones not counted). */
    public long ticksExamined() {
        return examined;
    }

    /** The rule and its state after the ticks evaluated so far. */
    public StoredRule rule() {
        return rule;
    }

    private void requireSymbol(PriceTick tick) {
        if (!tick.symbol().equals(rule.rule().symbol())) {
            throw new IllegalArgumentException("a tick of " + tick.symbol().value() + " for a rule on "
                    + rule.rule().symbol().value());
        }
    }
}
