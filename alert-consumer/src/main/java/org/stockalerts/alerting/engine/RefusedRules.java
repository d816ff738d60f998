package org.stockalerts.alerting.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;

/**
 * Rules the engine will not evaluate although they read as valid events: a window move rule looking
 * back further than {@link AlertRule#MAX_WINDOW_MINUTES}, which the API refuses but an older API or
 * a hand-written record may still carry. Evaluating one would make its symbol keep a price for every
 * minute of the window (and overflow at {@code Integer.MAX_VALUE}), so it is treated as deleted,
 * logged with its ids and counted in {@value #METRIC}.
 */
final class RefusedRules {

    /** Counter of rule changes refused by the engine, tagged {@code reason}. */
    static final String METRIC = "stockalerts.engine.rules.refused";

    private static final Logger log = LoggerFactory.getLogger(RefusedRules.class);

    private final Counter windowTooLong;

    RefusedRules(MeterRegistry meters) {
        windowTooLong = Counter.builder(METRIC)
                .description("Rule changes the engine refused and treats as deletions")
                .tag("reason", "window-too-long")
                .register(meters);
    }

    /** Whether the engine refuses {@code rule}; a refused rule is counted and logged. */
    boolean refuses(AlertRule rule) {
        if (rule.condition().kind() != Condition.Kind.MOVE
                || rule.reference() != MoveReference.WINDOW
                || rule.windowMinutes() <= AlertRule.MAX_WINDOW_MINUTES) {
            return false;
        }
        windowTooLong.increment();
        log.atWarn()
                .addKeyValue("ruleId", rule.ruleId())
                .addKeyValue("userId", rule.userId())
                .addKeyValue("symbol", rule.symbol())
                .addKeyValue("windowMinutes", rule.windowMinutes())
                .addKeyValue("maxWindowMinutes", AlertRule.MAX_WINDOW_MINUTES)
                .log("rule refused: window longer than the engine keeps; treated as deleted");
        return true;
    }
}
