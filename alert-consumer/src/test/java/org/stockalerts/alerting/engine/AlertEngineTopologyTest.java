package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.USER;
import static org.stockalerts.common.fixtures.RuleDraft.level;
import static org.stockalerts.common.fixtures.RuleDraft.move;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.id.AlertIds;

/** Price and move rules against ticks, through the whole topology. */
class AlertEngineTopologyTest extends EngineTopologyTest {

    @Test
    void firesPriceAboveOnceAtEqualityAndNeverAgainWhileTheLevelHolds() {
        // Given a ONCE rule for AAPL at or above 200
        AlertRule rule = engine.rule(level(Condition.PRICE_ABOVE, "200").build());

        // When the price climbs to exactly 200.00, stays above, dips and comes back
        List<PriceTick> ticks = engine.prices("AAPL", "199.99", "200.00", "205", "150", "210");

        // Then it fired exactly once, on the tick that reached the level, and stays triggered
        assertThat(engine.alerts())
                .singleElement()
                .satisfies(alert ->
                        assertThat(alert.sourceEventId()).isEqualTo(ticks.get(1).eventId()))
                .satisfies(alert -> assertThat(alert.ruleId()).isEqualTo(rule.ruleId()));
    }

    @Test
    void firesPriceBelowAtOrBelowTheLevelOnly() {
        // Given a ONCE rule for AAPL at or below 150
        engine.rule(level(Condition.PRICE_BELOW, "150").build());

        // When the price stays above, then reaches 150 exactly
        engine.tick("AAPL", "150.01", 1);
        PriceTick reaching = engine.tick("AAPL", "150", 2);

        // Then it fires on equality
        assertThat(engine.firingTicks()).containsExactly(reaching.eventId());
    }

    @Test
    void alertCarriesDeterministicIdRuleSnapshotTickAndMessageKeyedByUser() {
        // Given a rule above 200
        AlertRule rule = engine.rule(level(Condition.PRICE_ABOVE, "200").build());

        // When a tick reaches it
        PriceTick tick = engine.tick("AAPL", "201.37", 1);

        // Then the alert is keyed by the user and tells what happened
        var record = engine.alertRecords().getFirst();
        AlertTriggered alert = record.value();
        assertThat(record.key()).isEqualTo(USER.toString());
        assertThat(alert.alertId()).isEqualTo(AlertIds.of(rule.ruleId(), tick.eventId()));
        assertThat(alert.eventId()).isEqualTo(alert.alertId());
        assertThat(alert.rule()).isEqualTo(rule);
        assertThat(alert.tick()).isEqualTo(tick);
        assertThat(alert.observedValue()).isEqualByComparingTo("201.37");
        assertThat(alert.observedAt()).isEqualTo(tick.observedAt());
        assertThat(alert.message()).isEqualTo("AAPL is at or above 200 (now 201.37)");
    }

    @Test
    void firesAtMostOncePerCooldownWhileTheLevelHolds() {
        // Given an above-200 rule with a 10-minute cooldown
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .cooldown(Duration.ofMinutes(10))
                .build());

        // When the price stays above 200 for 25 minutes, one tick a minute
        for (int minute = 0; minute <= 25; minute++) {
            engine.tick("AAPL", "201", minute * 60L);
        }

        // Then it fired at minutes 0, 10 and 20 (the cooldown ends exactly 10 minutes later)
        assertThat(engine.alerts())
                .extracting(alert -> alert.observedAt())
                .containsExactly(
                        EngineDriver.START, EngineDriver.START.plusSeconds(600), EngineDriver.START.plusSeconds(1200));
    }

    @Test
    void aRepeatingThresholdFiresAtMostOncePerPollIntervalWhileThePriceStaysAtOrAbove() {
        // Given a holding's threshold rule at or above 150 that repeats every 60 s (the poll interval)
        engine.rule(level(Condition.PRICE_ABOVE, "150")
                .cooldown(Duration.ofSeconds(60))
                .build());

        // When ticks come every 20 s: at 150 exactly, above, briefly below and back, above for two minutes
        long[] seconds = {0, 20, 40, 50, 60, 80, 100, 120, 140, 160};
        String[] prices = {"150", "151", "149", "152", "150", "155", "156", "157", "158", "159"};
        for (int i = 0; i < seconds.length; i++) {
            engine.tick("AAPL", prices[i], seconds[i]);
        }

        // Then it fired at 0 s (equality counts), 60 s and 120 s: once per interval, the dip changing nothing
        assertThat(engine.alerts())
                .extracting(AlertTriggered::observedAt)
                .containsExactly(
                        EngineDriver.START, EngineDriver.START.plusSeconds(60), EngineDriver.START.plusSeconds(120));
    }

    @Test
    void rearmsAnAboveRuleOnlyAfterThePriceLeftTheZoneByTheMargin() {
        // Given an above-200 rule that re-arms 5 below the level
        engine.rule(level(Condition.PRICE_ABOVE, "200").rearm("5").build());

        // When the price fires it, dips to exactly 195 (not past the margin), rises, falls to 194.99, rises
        List<PriceTick> ticks = engine.prices("AAPL", "200", "195", "201", "194.99", "200.5");

        // Then it fired on the first tick and again only after leaving the zone
        assertThat(engine.firingTicks())
                .hasSize(2)
                .last()
                .isEqualTo(ticks.getLast().eventId());
    }

    @Test
    void rearmsABelowRuleAboveTheLevelPlusTheMargin() {
        // Given a below-100 rule re-arming 2 above the level
        engine.rule(level(Condition.PRICE_BELOW, "100").rearm("2").build());

        // When the price falls, rises to 102 (not past), falls, rises to 102.01, falls
        engine.prices("AAPL", "99", "102", "98", "102.01", "100");

        // Then it fired twice
        assertThat(engine.alerts()).hasSize(2);
    }

    @Test
    void crossUpCountsAGapOverTheThresholdButNotAStartAboveIt() {
        // Given a cross-up-100 rule with a cooldown short enough not to matter
        engine.rule(crossUp100WithAShortCooldown());

        // When the first tick is already above, then the price gaps from 90 to 110, then stays above
        List<PriceTick> ticks = engine.prices("AAPL", "105", "90", "110", "111");

        // Then only the gap is a cross
        assertThat(engine.firingTicks()).containsExactly(ticks.get(2).eventId());
    }

    @Test
    void crossUpNeedsThePreviousPriceStrictlyBelowAndReachingTheThresholdCounts() {
        // Given a cross-up-100 rule with a short cooldown
        engine.rule(crossUp100WithAShortCooldown());

        // When the price goes 100 -> 101 (from the level, not below it), then 99 -> 100 (reaching it)
        List<PriceTick> ticks = engine.prices("AAPL", "100", "101", "99", "100.00");

        // Then only reaching the level from below is a cross
        assertThat(engine.firingTicks()).containsExactly(ticks.getLast().eventId());
    }

    @Test
    void crossDownOnceFiresOnTheFirstCrossOnly() {
        // Given a ONCE cross-down-50 rule
        engine.rule(level(Condition.CROSSES_DOWN, "50").build());

        // When the price crosses down twice
        List<PriceTick> ticks = engine.prices("AAPL", "51", "49", "52", "48");

        // Then only the first cross fired
        assertThat(engine.firingTicks()).containsExactly(ticks.get(1).eventId());
    }

    @Test
    void crossUpWithRearmFiresAgainOnlyAfterFallingPastTheMargin() {
        // Given a cross-up-100 rule re-arming at 95
        engine.rule(level(Condition.CROSSES_UP, "100").rearm("5").build());

        // When it crosses, dips to 97 and re-crosses, then dips to 94 and re-crosses
        List<PriceTick> ticks = engine.prices("AAPL", "99", "101", "97", "101", "94", "101");

        // Then it fired twice, the second time after the re-arm
        assertThat(engine.firingTicks())
                .hasSize(2)
                .last()
                .isEqualTo(ticks.getLast().eventId());
    }

    @Test
    void crossDownWithCooldownIgnoresCrossesDuringTheCooldown() {
        // Given a cross-down-50 rule with a 1-minute cooldown
        engine.rule(level(Condition.CROSSES_DOWN, "50")
                .cooldown(Duration.ofMinutes(1))
                .build());

        // When it crosses down at 0 s, 20 s and 70 s
        engine.tick("AAPL", "51", 0);
        engine.tick("AAPL", "49", 1);
        engine.tick("AAPL", "51", 10);
        engine.tick("AAPL", "49", 20);
        engine.tick("AAPL", "51", 60);
        engine.tick("AAPL", "49", 70);

        // Then the cross at 20 s fell into the cooldown
        assertThat(engine.alerts())
                .extracting(AlertTriggered::observedAt)
                .containsExactly(EngineDriver.START.plusSeconds(1), EngineDriver.START.plusSeconds(70));
    }

    @Test
    void movesUpAgainstThePreviousCloseFiresAtExactlyThePercent() {
        // Given a rule for a 5 % rise against the previous close
        engine.rule(move(Condition.MOVES_UP, "5", MoveReference.PREVIOUS_CLOSE, null)
                .build());

        // When a tick without a close passes, then the price is up 4.99 %, then exactly 5 %
        engine.tick("AAPL", "200", 1);
        engine.tickWithClose("AAPL", "104.99", "100", 2);
        PriceTick fivePercent = engine.tickWithClose("AAPL", "105", "100", 3);

        // Then it fires on exactly 5 % and says so
        assertThat(engine.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.sourceEventId()).isEqualTo(fivePercent.eventId());
            assertThat(alert.message()).isEqualTo("AAPL rose 5.00 % against the previous close (now 105)");
        });
    }

    @Test
    void movesDownOverAWindowComparesWithThePriceThatManyMinutesAgo() {
        // Given a rule for a 10 % fall within 5 minutes, with a cooldown
        engine.rule(move(Condition.MOVES_DOWN, "10", MoveReference.WINDOW, 5)
                .cooldown(Duration.ofMinutes(30))
                .build());

        // When the price falls 10 % within 3 minutes (no price 5 minutes back yet), then stays low
        engine.tick("AAPL", "100", 0);
        engine.tick("AAPL", "90", 180);
        engine.tick("AAPL", "90", 240);
        PriceTick fiveMinutesLater = engine.tick("AAPL", "89", 300);

        // Then it fires once the price 5 minutes earlier (100) is known
        assertThat(engine.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.sourceEventId()).isEqualTo(fiveMinutesLater.eventId());
            assertThat(alert.message()).isEqualTo("AAPL fell 11.00 % in 5 minutes (now 89)");
        });
    }

    @Test
    void movesUpWithRearmUsesAMarginInPercentagePoints() {
        // Given a 5 % rise rule re-arming 2 points below
        engine.rule(move(Condition.MOVES_UP, "5", MoveReference.PREVIOUS_CLOSE, null)
                .rearm("2")
                .build());

        // When it rises 6 %, falls back to 3.5 %, rises, falls to 2.9 %, rises
        engine.tickWithClose("AAPL", "106", "100", 1);
        engine.tickWithClose("AAPL", "103.5", "100", 2);
        engine.tickWithClose("AAPL", "106", "100", 3);
        engine.tickWithClose("AAPL", "102.9", "100", 4);
        engine.tickWithClose("AAPL", "106", "100", 5);

        // Then it fired twice
        assertThat(engine.alerts()).hasSize(2);
    }

    @Test
    void duplicatedAndOutOfOrderTicksNeverFire() {
        // Given a cross-up rule with a short cooldown and the price below the level
        engine.rule(crossUp100WithAShortCooldown());
        engine.tick("AAPL", "99", 10);
        PriceTick cross = engine.tick("AAPL", "101", 20);

        // When the crossing tick is replayed, and an older tick below and a newer-but-late one arrive
        engine.tick(cross);
        engine.tick("AAPL", "95", 15);
        engine.tick("AAPL", "101", 20);

        // Then only the original cross fired
        assertThat(engine.firingTicks()).containsExactly(cross.eventId());
        // And each tick not evaluated was counted by why
        assertThat(engine.count(StaleTicks.METRIC, "reason", "duplicate")).isEqualTo(1);
        assertThat(engine.count(StaleTicks.METRIC, "reason", "older")).isEqualTo(1);
        assertThat(engine.count(StaleTicks.METRIC, "reason", "same-time")).isEqualTo(1);
    }

    @Test
    void aRuleCreatedBetweenTicksAppliesFromTheNextTick() {
        // Given the price already above 200
        engine.tick("AAPL", "210", 1);

        // When an above-200 rule is created, and the next tick arrives
        engine.rule(level(Condition.PRICE_ABOVE, "200").build());
        PriceTick next = engine.tick("AAPL", "211", 2);

        // Then the next tick fires it
        assertThat(engine.firingTicks()).containsExactly(next.eventId());
    }

    @Test
    void aChangedThresholdAppliesFromTheNextTickAndRearmsAOnceRule() {
        // Given a ONCE rule above 200 that already fired
        AlertRule rule = engine.rule(level(Condition.PRICE_ABOVE, "200").build());
        engine.tick("AAPL", "201", 1);

        // When the user raises the threshold to 250 and the price climbs
        engine.rule(level(Condition.PRICE_ABOVE, "250")
                .id(rule.ruleId())
                .revision(2)
                .build());
        engine.tick("AAPL", "240", 2);
        PriceTick reaching = engine.tick("AAPL", "250", 3);

        // Then the changed rule fired once more, on 250
        assertThat(engine.alerts()).hasSize(2).last().satisfies(a -> {
            assertThat(a.sourceEventId()).isEqualTo(reaching.eventId());
            assertThat(a.rule().threshold()).isEqualByComparingTo("250");
        });
    }

    @Test
    void aChannelsOnlyChangeKeepsAFiredOnceRuleDisarmedAndStaleRevisionsAreIgnored() {
        // Given a ONCE rule that fired
        AlertRule rule =
                engine.rule(level(Condition.PRICE_ABOVE, "200").revision(3).build());
        engine.tick("AAPL", "201", 1);

        // When its channels change, then an older revision with another threshold arrives
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .id(rule.ruleId())
                .revision(4)
                .channels(Set.of(ChannelType.EMAIL))
                .build());
        engine.rule(level(Condition.PRICE_ABOVE, "150")
                .id(rule.ruleId())
                .revision(2)
                .build());
        engine.tick("AAPL", "202", 2);
        engine.tick("AAPL", "160", 3);

        // Then it fired only the first time
        assertThat(engine.alerts()).hasSize(1);
    }

    @Test
    void aDeletedRuleNeverFiresAgain() {
        // Given a rule above 200
        AlertRule rule = engine.rule(level(Condition.PRICE_ABOVE, "200").build());

        // When it is deleted (a tombstone) before the price gets there
        engine.deleteRule(rule.ruleId());
        engine.tick("AAPL", "201", 1);

        // Then nothing fires
        assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void pausedRulesNeverFireAndResumedOnesFireFromTheNextTick() {
        // Given a paused rule above 200
        AlertRule rule = engine.rule(
                level(Condition.PRICE_ABOVE, "200").status(RuleStatus.PAUSED).build());

        // When the price passes it, the rule is resumed, and the price stays above
        engine.tick("AAPL", "201", 1);
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .id(rule.ruleId())
                .revision(2)
                .build());
        PriceTick next = engine.tick("AAPL", "202", 2);

        // Then only the tick after the resume fired it
        assertThat(engine.firingTicks()).containsExactly(next.eventId());
    }

    @Test
    void aRuleMovedToAnotherSymbolWatchesOnlyTheNewOne() {
        // Given a rule on AAPL above 200
        AlertRule rule = engine.rule(level(Condition.PRICE_ABOVE, "200").build());

        // When it moves to MSFT, and both symbols pass 200
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .id(rule.ruleId())
                .on("MSFT")
                .revision(2)
                .build());
        engine.tick("AAPL", "300", 1);
        PriceTick msft = engine.tick("MSFT", "300", 2);

        // Then only MSFT fired it
        assertThat(engine.firingTicks()).containsExactly(msft.eventId());
    }

    @Test
    void anExpiredRuleNeverFires() {
        // Given a rule that expires 10 seconds after the start
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .expiresAt(EngineDriver.START.plusSeconds(10))
                .build());

        // When the price passes the level exactly at and after expiry
        engine.tick("AAPL", "190", 1);
        engine.tick("AAPL", "201", 10);
        engine.tick("AAPL", "202", 11);

        // Then nothing fires
        assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void manyRulesOnOneSymbolFireExactlyTheOnesTheTickReaches() {
        // Given above-rules at 100, 101, ... 199 for two users
        for (int level = 100; level < 200; level++) {
            engine.rule(level(Condition.PRICE_ABOVE, String.valueOf(level)).build());
        }

        // When the price jumps to 149.5
        engine.tick("AAPL", "149.5", 1);

        // Then exactly the 50 rules at or below 149.5 fired
        assertThat(engine.alerts())
                .hasSize(50)
                .allSatisfy(alert ->
                        assertThat(alert.rule().threshold()).isLessThanOrEqualTo(new java.math.BigDecimal("149.5")));
    }

    @Test
    void aMalformedTickGoesToTheDeadLetterTopicAndTheEngineKeepsRunning() {
        // Given a rule above 200
        engine.rule(level(Condition.PRICE_ABOVE, "200").build());

        // When an unreadable tick arrives, then a good one
        engine.rawTick("AAPL", "{\"symbol\":\"AAPL\",\"price\":".getBytes(StandardCharsets.UTF_8));
        engine.tick("AAPL", "201", 1);

        // Then the bad record is dead-lettered and the good one still fires
        assertThat(engine.deadTicks()).hasSize(1);
        assertThat(engine.alerts()).hasSize(1);
    }

    /** A cross-up-100 rule on AAPL whose cooldown is too short to hold back any firing of a test. */
    private static AlertRule crossUp100WithAShortCooldown() {
        return level(Condition.CROSSES_UP, "100")
                .cooldown(Duration.ofSeconds(1))
                .build();
    }
}
