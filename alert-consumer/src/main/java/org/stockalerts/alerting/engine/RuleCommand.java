package org.stockalerts.alerting.engine;

import java.util.UUID;
import org.stockalerts.common.event.AlertRule;

/**
 * A rule change routed to the partition that evaluates the rule: by symbol for symbol rules, by
 * user for portfolio rules.
 *
 * @param rule the new definition; null when the rule was deleted or moved to another route
 */
public record RuleCommand(UUID ruleId, Target target, AlertRule rule) {

    /** Which side of the engine evaluates the rule. */
    public enum Target {
        SYMBOL,
        USER
    }

    static Target targetOf(AlertRule rule) {
        return rule.symbol() == null ? Target.USER : Target.SYMBOL;
    }

    /** The partitioning key of the rule: its symbol, or its user for portfolio rules. */
    static String routeOf(AlertRule rule) {
        return rule.symbol() == null ? rule.userId().toString() : rule.symbol().value();
    }
}
