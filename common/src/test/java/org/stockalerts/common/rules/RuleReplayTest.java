package org.stockalerts.common.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.id.AlertIds;

class RuleReplayTest {

    private static final Instant START = Instant.parse("2026-01-05T15:00:00Z");

    @Test
    void firesAOnceRuleOnTheFirstTickAtItsLevelWithTheEnginesAlertIdAndReceipt() {
        // Given a once-rule at 200 and ticks rising through it
        var rule = RuleDraft.level(Condition.PRICE_ABOVE, "200").on("AAPL").build();
        List<PriceTick> ticks = ticks(0, "198", "199.5", "200.25", "201", "199");

        // When they are replayed
        RuleReplay replay = new RuleReplay(rule);
        List<AlertTriggered> fired = evaluate(replay, ticks);

        // Then it fires once, on the tick that reached the level, as the engine would
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.alertId())
                    .isEqualTo(AlertIds.of(rule.ruleId(), ticks.get(2).eventId()));
            assertThat(alert.observedValue()).isEqualByComparingTo("200.25");
            assertThat(alert.receipt().previousValue()).isEqualByComparingTo("199.5");
            assertThat(alert.receipt().before().armed()).isTrue();
            assertThat(alert.receipt().after().armed()).isFalse();
            assertThat(alert.receipt().evaluatedAt()).isNull();
            assertThat(alert.receipt().latencyMillis()).isNull();
        });
        assertThat(replay.ticksExamined()).isEqualTo(5);
        assertThat(replay.rule().state().armed()).isFalse();
    }

    @Test
    void aCrossUsesTheWarmUpTickAsItsPreviousPriceWithoutEvaluatingIt() {
        // Given a cross-up rule at 100 and a tick above it before the range
        var rule = RuleDraft.level(Condition.CROSSES_UP, "100").on("AAPL").build();
        RuleReplay replay = new RuleReplay(rule);
        replay.warmUp(TickDraft.tick("AAPL", "99", START.minusSeconds(5)));

        // When the first replayed tick is above the level
        List<AlertTriggered> fired = evaluate(replay, ticks(0, "100.5"));

        // Then it crossed: the warm-up tick was the price before it, and was not itself examined
        assertThat(fired)
                .singleElement()
                .satisfies(alert -> assertThat(alert.receipt().previousValue()).isEqualByComparingTo("99"));
        assertThat(replay.ticksExamined()).isEqualTo(1);
    }

    @Test
    void aCrossWithoutAPreviousPriceDoesNotFireOnTheFirstTick() {
        var rule = RuleDraft.level(Condition.CROSSES_UP, "100").on("AAPL").build();

        assertThat(evaluate(new RuleReplay(rule), ticks(0, "100.5", "101"))).isEmpty();
    }

    @Test
    void aWindowMoveComparesWithThePriceItsWindowBeforeFromTheWarmUp() {
        // Given a 5-minute move-up rule of 2 %, and its history from before the range
        var rule = RuleDraft.move(Condition.MOVES_UP, "2", MoveReference.WINDOW, 5)
                .on("AAPL")
                .build();
        RuleReplay replay = new RuleReplay(rule);
        assertThat(replay.historyMinutes()).isEqualTo(6);
        replay.warmUp(TickDraft.tick("AAPL", "100", START.minusSeconds(6 * 60)));
        replay.warmUp(TickDraft.tick("AAPL", "101", START.minusSeconds(60)));

        // When the price is 2.5 % above its level of five minutes before
        List<AlertTriggered> fired = evaluate(replay, ticks(0, "102.5"));

        // Then the move fires, measured against the warm-up's price
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.receipt().referencePrice()).isEqualByComparingTo("100");
            assertThat(alert.receipt().observedValue()).isEqualByComparingTo("2.5");
        });
    }

    @Test
    void skipsTicksThatAreNotNewerThanTheLastOneAsTheEngineDoes() {
        var rule = RuleDraft.level(Condition.PRICE_ABOVE, "200")
                .on("AAPL")
                .mode(TriggerMode.REARM)
                .rearm("0")
                .build();
        PriceTick first = TickDraft.tick("AAPL", "201", START);
        PriceTick sameInstant = TickDraft.tick("AAPL", "150", START);
        PriceTick older = TickDraft.tick("AAPL", "150", START.minusSeconds(1));
        RuleReplay replay = new RuleReplay(rule);

        List<AlertTriggered> fired = evaluate(replay, List.of(first, first, sameInstant, older));

        assertThat(fired).hasSize(1);
        assertThat(replay.ticksExamined()).isEqualTo(1);
    }

    @Test
    void aLevelOrPreviousCloseMoveHoldsOnOneTickButACrossOrAWindowMoveNever() {
        PriceTick tick = TickDraft.tick()
                .on("AAPL")
                .price("210")
                .previousClose("200")
                .at(START)
                .build();

        assertThat(RuleReplay.holdsAt(
                        RuleDraft.level(Condition.PRICE_ABOVE, "205").on("AAPL").build(), tick))
                .isTrue();
        assertThat(RuleReplay.holdsAt(
                        RuleDraft.level(Condition.PRICE_BELOW, "205").on("AAPL").build(), tick))
                .isFalse();
        assertThat(RuleReplay.holdsAt(
                        RuleDraft.level(Condition.CROSSES_UP, "205").on("AAPL").build(), tick))
                .isFalse();
        assertThat(RuleReplay.holdsAt(
                        RuleDraft.move(Condition.MOVES_UP, "5", MoveReference.PREVIOUS_CLOSE, null)
                                .on("AAPL")
                                .build(),
                        tick))
                .isTrue();
        assertThat(RuleReplay.holdsAt(
                        RuleDraft.move(Condition.MOVES_UP, "1", MoveReference.WINDOW, 5)
                                .on("AAPL")
                                .build(),
                        tick))
                .isFalse();
    }

    @Test
    void refusesSignalRulesAndTicksOfAnotherSymbol() {
        assertThatThrownBy(() -> new RuleReplay(
                        RuleDraft.signal(Signal.BULLISH).on("AAPL").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SIGNAL_TURNS");
        RuleReplay replay = new RuleReplay(
                RuleDraft.level(Condition.PRICE_ABOVE, "1").on("AAPL").build());
        assertThatThrownBy(() -> replay.evaluate(TickDraft.tick("MSFT", "2", START)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<PriceTick> ticks(long firstSecond, String... prices) {
        List<PriceTick> ticks = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            ticks.add(TickDraft.tick("AAPL", prices[i], START.plusSeconds(firstSecond + i)));
        }
        return ticks;
    }

    private static List<AlertTriggered> evaluate(RuleReplay replay, List<PriceTick> ticks) {
        return ticks.stream().map(replay::evaluate).filter(Objects::nonNull).toList();
    }
}
