package org.stockalerts.api.alerts;

import java.math.RoundingMode;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.rules.PriceContext;
import org.stockalerts.common.rules.RuleReplay;
import org.stockalerts.common.rules.SymbolState;

/**
 * The warnings a saved rule gets: {@link RuleWarning#ALREADY_SATISFIED} when an active rule's condition already
 * holds at its symbol's latest stored tick ({@link RuleReplay#holdsAt}, the engine's semantics), so it fires on the
 * next tick instead of when the price gets there.
 */
@Component
@RequiredArgsConstructor
class RuleWarnings {

    private final RecordedTicks ticks;

    List<RuleWarning> of(AlertRule rule) {
        if (rule.status() != RuleStatus.ACTIVE || rule.symbol() == null || !RuleReplay.replayable(rule.condition())) {
            return List.of();
        }
        return ticks
                .latest(rule.symbol())
                .filter(tick -> RuleReplay.holdsAt(rule, tick))
                .map(tick -> new RuleWarning(RuleWarning.ALREADY_SATISFIED, message(rule, tick)))
                .stream()
                .toList();
    }

    private static String message(AlertRule rule, PriceTick tick) {
        String symbol = rule.symbol().value();
        String now = "%s was %s at %s".formatted(symbol, tick.price().toPlainString(), tick.observedAt());
        if (rule.condition().kind() == Condition.Kind.MOVE) {
            String move = new PriceContext(tick, SymbolState.EMPTY)
                    .valueFor(rule)
                    .setScale(2, RoundingMode.HALF_UP)
                    .toPlainString();
            return now + ", already a move of " + move + " % against the previous close: the rule fires on the next"
                    + " tick of " + symbol + " that stays there.";
        }
        String cross = rule.condition() == Condition.PRICE_ABOVE ? "CROSSES_UP" : "CROSSES_DOWN";
        return now
                + ", already %s %s: the rule fires on the next tick of %s. To be told when the price gets there, use %s."
                        .formatted(
                                rule.condition() == Condition.PRICE_ABOVE ? "at or above" : "at or below",
                                rule.threshold().toPlainString(),
                                symbol,
                                cross);
    }
}
