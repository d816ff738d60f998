package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.level;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.TickDraft;

/** A snoozed rule is silent until its snooze ends, through the whole topology: it neither fires nor re-arms. */
class SnoozedRulesTest extends EngineTopologyTest {

    private static final Instant START = EngineDriver.START;

    @Test
    void aSnoozedRuleIgnoresTicksBeforeItsSnoozeEndsAndFiresOnTheFirstAfter() {
        // Given a rule at or above 200, snoozed for a minute
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .snoozedUntil(START.plusSeconds(60))
                .build());

        // When AAPL trades above it during the snooze, then after it
        engine.tick(TickDraft.tick("AAPL", "205", START.plusSeconds(10)));
        PriceTick after = engine.tick(TickDraft.tick("AAPL", "201", START.plusSeconds(60)));

        // Then it fired once, on the first tick at the snooze's end
        assertThat(engine.firingTicks()).containsExactly(after.eventId());
    }

    @Test
    void aReArmingRuleSnoozedAfterFiringDoesNotReArmDuringTheSnooze() {
        // Given a re-arming rule at 200 that fired
        AlertRule rule = engine.rule(level(Condition.PRICE_ABOVE, "200")
                .mode(TriggerMode.REARM)
                .rearm("1")
                .build());
        PriceTick first = engine.tick(TickDraft.tick("AAPL", "201", START.plusSeconds(1)));

        // When it is snoozed, the price leaves the zone and comes back during the snooze
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .id(rule.ruleId())
                .mode(TriggerMode.REARM)
                .rearm("1")
                .revision(rule.revision() + 1)
                .snoozedUntil(START.plusSeconds(100))
                .build());
        engine.tick(TickDraft.tick("AAPL", "150", START.plusSeconds(20)));
        engine.tick(TickDraft.tick("AAPL", "202", START.plusSeconds(30)));
        // and after it, while it is still above the level, then out of the zone and back
        engine.tick(TickDraft.tick("AAPL", "203", START.plusSeconds(110)));
        engine.tick(TickDraft.tick("AAPL", "150", START.plusSeconds(120)));
        PriceTick back = engine.tick(TickDraft.tick("AAPL", "204", START.plusSeconds(130)));

        // Then the snooze kept it disarmed: it fired again only after re-arming outside the snooze
        assertThat(engine.firingTicks()).containsExactly(first.eventId(), back.eventId());
    }
}
