package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.rules.PriceContext;
import org.stockalerts.common.rules.RuleSemantics;
import org.stockalerts.common.rules.RuleState;
import org.stockalerts.common.rules.StoredRule;

/**
 * The in-memory index of one symbol's rules. A tick costs O(log n + rules fired or re-armed) for
 * level and cross rules and for each distinct kind of move rule; it fires exactly what {@link
 * RuleSemantics} fires rule by rule. Rules that can never fire again (ONCE rules that fired,
 * paused ones) are not indexed at all; snoozed rules and cooling-down rules wait in queues ordered
 * by the end of their snooze or cooldown; expired rules leave the index the first time they would
 * have fired.
 */
public final class SymbolRules {

    private record MoveGroup(Condition direction, MoveReference reference, Integer windowMinutes) {

        static MoveGroup of(AlertRule rule) {
            Integer window = rule.reference() == MoveReference.WINDOW ? rule.windowMinutes() : null;
            return new MoveGroup(rule.condition(), rule.reference(), window);
        }
    }

    /** A rule that fired, in its state after firing, the value that met its condition, and its state before. */
    public record Fired(StoredRule rule, BigDecimal value, RuleState before) {}

    /** What an input changed: rules fired and rules re-armed (both to be stored). */
    public record Changes(List<Fired> fired, List<StoredRule> rearmed) {

        Changes() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    private static final Integer SIGNAL_KEY = 0;

    private final LevelIndex prices = new LevelIndex();
    private final Map<MoveGroup, LevelIndex> moves = new HashMap<>();
    private final Map<Signal, Book<Integer>> signals = new EnumMap<>(Signal.class);
    private final Book<Instant> cooldowns = new Book<>();
    private final Book<Instant> snoozes = new Book<>();
    private final Map<UUID, Placement> placed = new HashMap<>();
    private final Map<UUID, Integer> windows = new HashMap<>();
    private final TreeMap<Integer, Integer> windowCounts = new TreeMap<>();

    /** Adds or replaces a rule of this symbol. */
    public void put(StoredRule stored) {
        remove(stored.ruleId());
        AlertRule rule = stored.rule();
        if (rule.reference() == MoveReference.WINDOW && rule.condition().kind() == Condition.Kind.MOVE) {
            windows.put(rule.ruleId(), rule.windowMinutes());
            windowCounts.merge(rule.windowMinutes(), 1, Integer::sum);
        }
        place(stored, null);
    }

    /** Removes a rule of this symbol, if present. */
    public void remove(UUID ruleId) {
        Placement placement = placed.remove(ruleId);
        if (placement != null) {
            placement.remove(ruleId);
        }
        Integer window = windows.remove(ruleId);
        if (window != null && windowCounts.merge(window, -1, Integer::sum) == 0) {
            windowCounts.remove(window);
        }
    }

    /**
     * How many minutes of price history the window move rules of this symbol need. The router refuses
     * longer windows; the cap keeps a rule stored before it did from overflowing the count or growing
     * the symbol's state without bound (such a rule finds no price that far back and never fires).
     */
    public int historyMinutes() {
        return windowCounts.isEmpty() ? 0 : Math.min(windowCounts.lastKey(), AlertRule.MAX_WINDOW_MINUTES) + 1;
    }

    /** Evaluates the price and move rules against an accepted tick. */
    public Changes onTick(PriceContext tick) {
        Changes changes = new Changes();
        releaseCooldowns(tick.at());
        evaluate(prices, tick.price(), tick.previousPrice(), tick, changes);
        moves.forEach((group, index) -> {
            BigDecimal move = tick.move(group.direction(), group.reference(), group.windowMinutes());
            if (move != null) {
                evaluate(index, move, null, tick, changes);
            }
        });
        return changes;
    }

    /** Evaluates the signal rules against the symbol's signal turning to {@code signal} at {@code at}. */
    public Changes onSignal(Signal signal, Instant at, UUID sourceEventId) {
        Changes changes = new Changes();
        releaseCooldowns(at);
        Book<Integer> book = signals.get(signal);
        if (book != null) {
            for (StoredRule taken : book.takeAll()) {
                placed.remove(taken.ruleId());
                keep(RuleSemantics.onSignal(taken, signal, at, sourceEventId), taken, at, null, changes);
            }
        }
        return changes;
    }

    private void evaluate(LevelIndex index, BigDecimal value, BigDecimal previous, PriceContext tick, Changes changes) {
        List<StoredRule> taken = new ArrayList<>(index.takeHolding(value, previous));
        taken.addAll(index.takeRearming(value));
        for (StoredRule rule : taken) {
            placed.remove(rule.ruleId());
            keep(
                    RuleSemantics.onValue(
                            rule, value, previous, tick.at(), tick.tick().eventId()),
                    rule,
                    tick.at(),
                    value,
                    changes);
        }
    }

    private void keep(RuleSemantics.Outcome outcome, StoredRule before, Instant at, BigDecimal value, Changes changes) {
        StoredRule after = outcome.rule();
        if (!after.rule().isLiveAt(at)) {
            return;
        }
        place(after, at);
        if (outcome.fired()) {
            changes.fired().add(new Fired(after, value, before.state()));
        } else if (outcome.changed()) {
            changes.rearmed().add(after);
        }
    }

    /** Puts the rules whose snooze or cooldown ended at or before {@code at} back where an input finds them. */
    private void releaseCooldowns(Instant at) {
        for (StoredRule rule : snoozes.takeAtOrBelow(at)) {
            placed.remove(rule.ruleId());
            place(rule, at);
        }
        for (StoredRule rule : cooldowns.takeAtOrBelow(at)) {
            placed.remove(rule.ruleId());
            place(rule, at);
        }
    }

    private void place(StoredRule stored, Instant now) {
        AlertRule rule = stored.rule();
        if (rule.status() != RuleStatus.ACTIVE
                || rule.triggerMode() == TriggerMode.ONCE && !stored.state().armed()) {
            return;
        }
        Instant snoozedUntil = rule.snoozedUntil();
        Instant until = rule.triggerMode() == TriggerMode.COOLDOWN ? stored.cooldownUntil() : null;
        Placement placement;
        if (snoozedUntil != null && (now == null || now.isBefore(snoozedUntil))) {
            // nothing evaluates a snoozed rule: it waits, out of every index, for its snooze to end
            snoozes.add(snoozedUntil, stored);
            placement = new Placement(snoozes, snoozedUntil);
        } else if (until != null && (now == null || now.isBefore(until))) {
            cooldowns.add(until, stored);
            placement = new Placement(cooldowns, until);
        } else if (rule.condition().kind() == Condition.Kind.SIGNAL) {
            Book<Integer> book = signals.computeIfAbsent(rule.signal(), s -> new Book<>());
            book.add(SIGNAL_KEY, stored);
            placement = new Placement(book, SIGNAL_KEY);
        } else {
            LevelIndex index = rule.condition().kind() == Condition.Kind.MOVE
                    ? moves.computeIfAbsent(MoveGroup.of(rule), g -> new LevelIndex())
                    : prices;
            placement = stored.state().armed() ? index.placeArmed(stored) : index.placeWaiting(stored);
        }
        placed.put(rule.ruleId(), placement);
    }
}
