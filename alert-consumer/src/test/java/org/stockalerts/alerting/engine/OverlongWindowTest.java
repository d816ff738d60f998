package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.move;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.rules.StoredRule;

/** Window move rules longer than the engine keeps, arriving although the API refuses them. */
class OverlongWindowTest extends EngineTopologyTest {

    private static final String WINDOW_TOO_LONG = "window-too-long";

    @Test
    void refusesAWindowOfIntegerMaxValueAndTheSymbolsOtherWindowRulesStillFire() {
        // Given a 10 % fall rule over Integer.MAX_VALUE minutes and one over 5 minutes, both on AAPL
        engine.rule(fallOver(Integer.MAX_VALUE).build());
        AlertRule fiveMinutes = engine.rule(fallOver(5).build());

        // When AAPL falls 11 % in 5 minutes
        engine.tick("AAPL", "100", 0);
        engine.tick("AAPL", "89", 300);

        // Then only the 5-minute rule fires, and the refused rule is counted
        assertThat(engine.alerts())
                .singleElement()
                .satisfies(alert -> assertThat(alert.ruleId()).isEqualTo(fiveMinutes.ruleId()));
        assertThat(engine.count(RefusedRules.METRIC, "reason", WINDOW_TOO_LONG)).isEqualTo(1);
    }

    @Test
    void aRuleChangedToAWindowLongerThanAWeekStopsFiring() {
        // Given a 5-minute fall rule, changed to a window one minute longer than a week
        UUID ruleId = UUID.randomUUID();
        engine.rule(fallOver(5).id(ruleId).build());
        engine.rule(fallOver(AlertRule.MAX_WINDOW_MINUTES + 1)
                .id(ruleId)
                .revision(2)
                .build());

        // When AAPL falls 11 % in 5 minutes
        engine.tick("AAPL", "100", 0);
        engine.tick("AAPL", "89", 300);

        // Then the rule is gone: nothing fires
        assertThat(engine.alerts()).isEmpty();
        assertThat(engine.count(RefusedRules.METRIC, "reason", WINDOW_TOO_LONG)).isEqualTo(1);
    }

    @Test
    void aWeekLongWindowIsAccepted() {
        // Given a fall rule over exactly a week
        engine.rule(fallOver(AlertRule.MAX_WINDOW_MINUTES).build());

        // Then the engine keeps it
        assertThat(engine.count(RefusedRules.METRIC, "reason", WINDOW_TOO_LONG)).isZero();
    }

    @Test
    void anOverlongRuleAlreadyInTheIndexNeitherOverflowsNorGrowsTheHistoryPastAWeek() {
        // Given a symbol index holding a rule over Integer.MAX_VALUE minutes (stored before the router refused it)
        SymbolRules index = new SymbolRules();
        index.put(StoredRule.fresh(fallOver(Integer.MAX_VALUE).build()));

        // Then the history it asks for is a week and a minute, not a negative overflow
        assertThat(index.historyMinutes()).isEqualTo(AlertRule.MAX_WINDOW_MINUTES + 1);
    }

    private static RuleDraft fallOver(int minutes) {
        return move(Condition.MOVES_DOWN, "10", MoveReference.WINDOW, minutes);
    }
}
