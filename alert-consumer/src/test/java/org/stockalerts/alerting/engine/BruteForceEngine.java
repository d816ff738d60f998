package org.stockalerts.alerting.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.id.AlertIds;
import org.stockalerts.common.rules.PriceContext;
import org.stockalerts.common.rules.RuleSemantics;
import org.stockalerts.common.rules.StoredRule;
import org.stockalerts.common.rules.SymbolState;

/**
 * The reference for the engine: every rule of a symbol evaluated one by one with {@link RuleSemantics}.
 * Public for the fault-injection suite (module faults), whose oracle it is.
 */
public final class BruteForceEngine {

    private final Map<Symbol, Map<UUID, StoredRule>> rules = new HashMap<>();
    private final Map<Symbol, SymbolState> states = new HashMap<>();

    /** Adds, changes or (for a null rule) removes a rule, as the engine does. */
    public void upsert(AlertRule rule) {
        Map<UUID, StoredRule> ofSymbol = rules.computeIfAbsent(rule.symbol(), s -> new LinkedHashMap<>());
        StoredRule existing = ofSymbol.get(rule.ruleId());
        ofSymbol.put(rule.ruleId(), existing == null ? StoredRule.fresh(rule) : existing.replacedBy(rule, null));
    }

    void remove(Symbol symbol, UUID ruleId) {
        rules.getOrDefault(symbol, new HashMap<>()).remove(ruleId);
    }

    StoredRule get(Symbol symbol, UUID ruleId) {
        return rules.getOrDefault(symbol, Map.of()).get(ruleId);
    }

    /** The ids of the rules {@code tick} fires, after the tick was accepted into a fresh symbol state. */
    Set<UUID> onTick(PriceTick tick) {
        SymbolState before = states.getOrDefault(tick.symbol(), SymbolState.EMPTY);
        if (!before.accepts(tick)) {
            return Set.of();
        }
        Set<UUID> fired = onTick(new PriceContext(tick, before));
        states.put(tick.symbol(), before.after(tick, historyMinutes(tick.symbol())));
        return fired;
    }

    /** The ids of the rules a tick fires in {@code context}, without touching the symbol state. */
    Set<UUID> onTick(PriceContext context) {
        Set<UUID> fired = new LinkedHashSet<>();
        Map<UUID, StoredRule> ofSymbol = rules.getOrDefault(context.tick().symbol(), new HashMap<>());
        for (StoredRule stored : List.copyOf(ofSymbol.values())) {
            AlertRule rule = stored.rule();
            if (rule.condition() != Condition.SIGNAL_TURNS) {
                keep(
                        ofSymbol,
                        fired,
                        RuleSemantics.onValue(
                                stored,
                                context.valueFor(rule),
                                context.previousFor(rule),
                                context.at(),
                                context.tick().eventId()));
            }
        }
        return fired;
    }

    Set<UUID> onSignal(Symbol symbol, Signal signal, Instant at, UUID eventId) {
        Set<UUID> fired = new LinkedHashSet<>();
        Map<UUID, StoredRule> ofSymbol = rules.getOrDefault(symbol, new HashMap<>());
        for (StoredRule stored : List.copyOf(ofSymbol.values())) {
            if (stored.rule().condition() == Condition.SIGNAL_TURNS) {
                keep(ofSymbol, fired, RuleSemantics.onSignal(stored, signal, at, eventId));
            }
        }
        return fired;
    }

    /** The alert ids {@code ticks} raise, in order. */
    public Set<UUID> alertIds(List<PriceTick> ticks) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (PriceTick tick : ticks) {
            onTick(tick).forEach(ruleId -> ids.add(AlertIds.of(ruleId, tick.eventId())));
        }
        return ids;
    }

    int historyMinutes(Symbol symbol) {
        return rules.getOrDefault(symbol, Map.of()).values().stream()
                .map(StoredRule::rule)
                .filter(rule -> rule.reference() == MoveReference.WINDOW)
                .mapToInt(rule -> rule.windowMinutes() + 1)
                .max()
                .orElse(0);
    }

    private static void keep(Map<UUID, StoredRule> rules, Set<UUID> fired, RuleSemantics.Outcome outcome) {
        rules.put(outcome.rule().ruleId(), outcome.rule());
        if (outcome.fired()) {
            fired.add(outcome.rule().ruleId());
        }
    }
}
