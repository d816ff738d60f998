package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.rules.Alerts;
import org.stockalerts.common.rules.RuleSemantics;
import org.stockalerts.common.rules.StoredRule;

/**
 * What the user side of the engine knows of one user: the quantity and latest price of every held
 * symbol (over all portfolios) and the user's portfolio rules with their runtime state. The value is
 * the sum of quantity × latest price; it is unknown while a held symbol has no price yet.
 *
 * @param positions symbol to position
 * @param rules ruleId to rule
 * @param evaluatedAt the latest event time the rules were evaluated at; evaluation time never goes back
 */
public record UserPortfolio(Map<String, Position> positions, Map<String, StoredRule> rules, Instant evaluatedAt) {

    /** A held symbol: the user's total quantity and the latest price seen. */
    public record Position(BigDecimal quantity, BigDecimal price, Instant priceAt) {}

    /** The portfolio after an update, and the alerts it fired. */
    public record Update(UserPortfolio portfolio, List<AlertTriggered> alerts) {}

    static final UserPortfolio EMPTY = new UserPortfolio(Map.of(), Map.of(), null);

    public UserPortfolio {
        positions = positions == null ? new TreeMap<>() : new TreeMap<>(positions);
        rules = rules == null ? new TreeMap<>() : new TreeMap<>(rules);
    }

    /**
     * The portfolio with a rule added, changed or (for a null {@code rule}) deleted, the change made in the trace
     * {@code traceparent}; stale revisions are ignored.
     */
    UserPortfolio withRule(String ruleId, AlertRule rule, String traceparent) {
        Map<String, StoredRule> next = new TreeMap<>(rules);
        StoredRule existing = rules.get(ruleId);
        if (rule == null) {
            next.remove(ruleId);
        } else if (existing == null) {
            next.put(ruleId, StoredRule.fresh(rule, traceparent));
        } else if (existing.rule().revision() < rule.revision()) {
            next.put(ruleId, existing.replacedBy(rule, traceparent));
        }
        return new UserPortfolio(positions, next, evaluatedAt);
    }

    /**
     * Applies a price or quantity update and evaluates the rules against the new value at the update's event
     * time (never before the last one); {@code wallClock} is when this evaluation runs, for the receipts only.
     */
    Update with(PortfolioPrice update, Instant wallClock) {
        Map<String, Position> nextPositions = new TreeMap<>(positions);
        String symbol = update.symbol().value();
        Position old = positions.get(symbol);
        if (update.quantity().signum() == 0) {
            nextPositions.remove(symbol);
        } else {
            boolean newer = update.price() != null
                    && (old == null || old.priceAt() == null || update.priceAt().isAfter(old.priceAt()));
            nextPositions.put(
                    symbol,
                    newer
                            ? new Position(update.quantity(), update.price(), update.priceAt())
                            : new Position(
                                    update.quantity(),
                                    old == null ? null : old.price(),
                                    old == null ? null : old.priceAt()));
        }
        Instant at = evaluatedAt == null || update.at().isAfter(evaluatedAt) ? update.at() : evaluatedAt;
        BigDecimal value = value(nextPositions);
        BigDecimal previous = value(positions);
        Map<String, StoredRule> nextRules = new TreeMap<>(rules);
        List<AlertTriggered> alerts = new ArrayList<>();
        if (value != null) {
            rules.forEach((ruleId, stored) -> {
                RuleSemantics.Outcome outcome = RuleSemantics.onValue(stored, value, null, at, update.sourceEventId());
                nextRules.put(ruleId, outcome.rule());
                if (outcome.fired()) {
                    alerts.add(Alerts.onPortfolio(
                            outcome.rule(),
                            stored.state(),
                            value,
                            previous,
                            update.sourceEventId(),
                            update.tick(),
                            at,
                            wallClock));
                }
            });
        }
        return new Update(new UserPortfolio(nextPositions, nextRules, at), alerts);
    }

    /** What the positions are worth at their latest prices; null while a held symbol has no price yet. */
    public BigDecimal value() {
        return value(positions);
    }

    private static BigDecimal value(Map<String, Position> positions) {
        BigDecimal total = BigDecimal.ZERO;
        for (Position position : positions.values()) {
            if (position.price() == null) {
                return null;
            }
            total = total.add(position.quantity().multiply(position.price()));
        }
        return total;
    }
}
