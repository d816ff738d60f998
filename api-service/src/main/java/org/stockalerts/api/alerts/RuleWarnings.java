package org.stockalerts.api.alerts;

import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.rules.PriceContext;
import org.stockalerts.common.rules.RuleReplay;
import org.stockalerts.common.rules.SymbolState;

/**
 * The warnings a created or resumed rule gets: {@link RuleWarning#ALREADY_SATISFIED} when a live rule's condition
 * already holds at its symbol's latest stored tick ({@link RuleReplay#holdsAt}, the engine's semantics), so it
 * fires on the next tick instead of when the price gets there.
 */
@Component
@RequiredArgsConstructor
class RuleWarnings {

    private static final Logger log = LoggerFactory.getLogger(RuleWarnings.class);

    private final RecordedTicks ticks;
    private final Clock clock;

    /**
     * The warnings of {@code rule}, saved already: none when they cannot be read (the rule is saved, and a warning
     * is advice, so a failed lookup never fails the request).
     */
    List<RuleWarning> of(AlertRule rule) {
        if (!rule.isLiveAt(clock.instant())
                || rule.isSnoozedAt(clock.instant())
                || rule.symbol() == null
                || !RuleReplay.replayable(rule.condition())) {
            return List.of();
        }
        try {
            return ticks
                    .latest(rule.symbol())
                    .filter(tick -> RuleReplay.holdsAt(rule, tick))
                    .map(tick -> new RuleWarning(RuleWarning.ALREADY_SATISFIED, message(rule, tick)))
                    .stream()
                    .toList();
        } catch (DataAccessException e) {
            log.atWarn()
                    .addKeyValue("ruleId", rule.ruleId())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("no warnings for a saved rule: its symbol's latest tick could not be read");
            return List.of();
        }
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
