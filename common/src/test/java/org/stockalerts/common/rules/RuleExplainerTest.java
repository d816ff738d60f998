package org.stockalerts.common.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.common.rules.RuleExplanation.Code;
import org.stockalerts.common.rules.RuleExplanation.Reason;

class RuleExplainerTest {

    /** A Monday, 10:00 in New York: the regular session is open. */
    private static final Instant OPEN = Instant.parse("2026-01-05T15:00:00Z");
    /** The Saturday after, 10:00 in New York. */
    private static final Instant WEEKEND = Instant.parse("2026-01-10T15:00:00Z");

    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    @Test
    void aLevelNotReachedIsConditionNotMetWithTheDistanceToIt() {
        RuleExplanation why = explain(fresh(RuleDraft.level(Condition.PRICE_ABOVE, "200")), at("190", OPEN), OPEN);

        assertThat(why.lastValue()).isEqualByComparingTo("190");
        assertThat(why.lastEvaluatedAt()).isEqualTo(OPEN.minusSeconds(10));
        assertThat(why.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(Code.CONDITION_NOT_MET);
            assertThat(reason.level()).isEqualByComparingTo("200");
            assertThat(reason.distance()).isEqualByComparingTo("10");
        });
    }

    @Test
    void anArmedRuleWhoseLevelHoldsFiresOnTheNextTick() {
        RuleExplanation why = explain(fresh(RuleDraft.level(Condition.PRICE_BELOW, "200")), at("190", OPEN), OPEN);

        assertThat(codes(why)).containsExactly(Code.CONDITION_MET);
    }

    @Test
    void aCrossAlreadyPastItsLevelNeedsThePriceBackFirst() {
        RuleExplanation why = explain(fresh(RuleDraft.level(Condition.CROSSES_UP, "100")), at("105", OPEN), OPEN);

        assertThat(why.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(Code.CONDITION_NOT_MET);
            assertThat(reason.detail()).contains("below first");
            assertThat(reason.distance()).isEqualByComparingTo("-5");
        });
    }

    @Test
    void aWindowMoveIsMeasuredAgainstThePriceItsWindowBefore() {
        AlertRule rule = RuleDraft.move(Condition.MOVES_UP, "5", MoveReference.WINDOW, 5)
                .on("AAPL")
                .build();
        SymbolState symbol = SymbolState.EMPTY
                .after(TickDraft.tick("AAPL", "100", OPEN.minusSeconds(6 * 60)), 6)
                .after(TickDraft.tick("AAPL", "102", OPEN.minusSeconds(10)), 6);

        RuleExplanation why = explain(StoredRule.fresh(rule), symbol, OPEN);

        assertThat(why.lastValue()).isEqualByComparingTo("2");
        assertThat(why.reasons())
                .singleElement()
                .satisfies(reason -> assertThat(reason.distance()).isEqualByComparingTo("3"));
    }

    @Test
    void aMoveAgainstThePreviousCloseHasNoValueToShow() {
        AlertRule rule = RuleDraft.move(Condition.MOVES_DOWN, "3", MoveReference.PREVIOUS_CLOSE, null)
                .on("AAPL")
                .build();

        RuleExplanation why = explain(StoredRule.fresh(rule), at("190", OPEN), OPEN);

        assertThat(why.lastValue()).isNull();
        assertThat(codes(why)).containsExactly(Code.VALUE_NOT_KEPT);
    }

    @Test
    void aReArmingRuleThatFiredWaitsForTheValueToLeaveTheZone() {
        AlertRule rule = RuleDraft.level(Condition.PRICE_ABOVE, "200")
                .on("AAPL")
                .mode(TriggerMode.REARM)
                .rearm("5")
                .build();

        RuleExplanation why = explain(fired(rule, false), at("201", OPEN), OPEN);

        assertThat(why.state().armed()).isFalse();
        assertThat(why.reasons()).first().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(Code.WAITING_REARM);
            assertThat(reason.level()).isEqualByComparingTo("195");
            assertThat(reason.distance()).isEqualByComparingTo("-6");
        });
    }

    @Test
    void aCoolingDownRuleSaysUntilWhen() {
        AlertRule rule = RuleDraft.level(Condition.PRICE_ABOVE, "200")
                .on("AAPL")
                .mode(TriggerMode.COOLDOWN)
                .cooldown(Duration.ofMinutes(5))
                .build();

        RuleExplanation why = explain(fired(rule, true), at("201", OPEN), OPEN);

        assertThat(why.reasons()).first().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(Code.COOLDOWN);
            assertThat(reason.until()).isEqualTo(OPEN.minusSeconds(30).plus(Duration.ofMinutes(5)));
        });
    }

    @Test
    void aOnceRuleThatFiredIsTriggered() {
        AlertRule rule =
                RuleDraft.level(Condition.PRICE_ABOVE, "200").on("AAPL").build();

        assertThat(codes(explain(fired(rule, false), at("201", OPEN), OPEN))).containsExactly(Code.TRIGGERED);
    }

    @Test
    void aPausedOrExpiredRuleSaysSoFirst() {
        StoredRule paused = fresh(RuleDraft.level(Condition.PRICE_ABOVE, "200").status(RuleStatus.PAUSED));
        StoredRule expired = fresh(RuleDraft.level(Condition.PRICE_ABOVE, "200").expiresAt(OPEN.minusSeconds(60)));

        assertThat(codes(explain(paused, at("190", OPEN), OPEN))).containsExactly(Code.PAUSED, Code.CONDITION_NOT_MET);
        RuleExplanation why = explain(expired, at("190", OPEN), OPEN);
        assertThat(why.reasons().getFirst().code()).isEqualTo(Code.EXPIRED);
        assertThat(why.reasons().getFirst().until()).isEqualTo(OPEN.minusSeconds(60));
    }

    @Test
    void aSnoozedRuleSaysUntilWhen() {
        AlertRule rule = RuleDraft.level(Condition.PRICE_ABOVE, "200")
                .on("AAPL")
                .build()
                .withSnoozedUntil(OPEN.plusSeconds(3600));

        RuleExplanation why = explain(StoredRule.fresh(rule), at("201", OPEN), OPEN);

        assertThat(codes(why)).containsExactly(Code.SNOOZED);
        assertThat(why.reasons().getFirst().until()).isEqualTo(OPEN.plusSeconds(3600));
    }

    @Test
    void aRegularSessionRuleIsOutsideItsSessionAtTheWeekend() {
        StoredRule rule = fresh(RuleDraft.level(Condition.PRICE_ABOVE, "200").session(MarketSession.REGULAR));

        assertThat(codes(explain(rule, at("201", WEEKEND), WEEKEND))).containsExactly(Code.OUTSIDE_SESSION);
    }

    @Test
    void aSymbolNeverSeenHasNoData() {
        StoredRule rule = fresh(RuleDraft.level(Condition.PRICE_ABOVE, "200"));

        RuleExplanation why = explain(rule, SymbolState.EMPTY, OPEN);

        assertThat(codes(why)).containsExactly(Code.NO_DATA);
        assertThat(why.lastValue()).isNull();
    }

    @Test
    void aSilentSymbolIsStaleWhileTheMarketIsOpenButNotAtTheWeekend() {
        StoredRule rule = fresh(RuleDraft.level(Condition.PRICE_ABOVE, "200"));
        SymbolState open = SymbolState.EMPTY.after(TickDraft.tick("AAPL", "190", OPEN.minusSeconds(600)), 0);
        SymbolState weekend = SymbolState.EMPTY.after(TickDraft.tick("AAPL", "190", WEEKEND.minusSeconds(600)), 0);

        RuleExplanation stale = explain(rule, open, OPEN);
        assertThat(stale.reasons().getFirst()).satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(Code.FEED_STALE);
            assertThat(reason.ageSeconds()).isEqualTo(600);
        });
        assertThat(codes(explain(rule, weekend, WEEKEND))).containsExactly(Code.CONDITION_NOT_MET);
    }

    @ParameterizedTest
    @EnumSource(FeedStatusChanged.Problem.class)
    void aFeedThePollerReportedBlindIsStaleWithItsReasonEvenAtNight(FeedStatusChanged.Problem problem) {
        // Given a symbol whose last tick is 10 s old, and the poller's report that its feed went blind
        StoredRule rule = fresh(RuleDraft.level(Condition.PRICE_ABOVE, "200"));
        FeedStatusChanged blind = FeedStatusChanged.stale(
                UUID.randomUUID(),
                WEEKEND,
                Symbol.of("AAPL"),
                problem,
                TickSource.FINNHUB,
                WEEKEND.minusSeconds(10),
                WEEKEND.minusSeconds(5));

        // When the rule is explained, with the market closed
        RuleExplanation why = RuleExplainer.explain(rule, at("190", WEEKEND), blind, WEEKEND, STALE_AFTER);

        // Then the report decides: FEED_STALE first, saying why, with the last tick's age
        assertThat(why.reasons().getFirst()).satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(Code.FEED_STALE);
            assertThat(reason.ageSeconds()).isEqualTo(10);
            assertThat(reason.detail())
                    .contains(
                            switch (problem) {
                                case NO_TICKS -> "sent nothing";
                                case QUOTA_EXHAUSTED -> "quota is spent (since " + WEEKEND.minusSeconds(5) + ")";
                                case UNKNOWN_SYMBOL -> "does not know this symbol";
                            })
                    .doesNotContain("%s");
        });
        // and without the report the same symbol at the weekend is not stale
        assertThat(codes(explain(rule, at("190", WEEKEND), WEEKEND))).doesNotContain(Code.FEED_STALE);
    }

    @Test
    void aSymbolNeverSeenWhoseFeedIsBlindIsStaleWithoutAnAge() {
        StoredRule rule = fresh(RuleDraft.level(Condition.PRICE_ABOVE, "200"));
        FeedStatusChanged unknown = FeedStatusChanged.stale(
                UUID.randomUUID(),
                OPEN,
                Symbol.of("AAPL"),
                FeedStatusChanged.Problem.UNKNOWN_SYMBOL,
                TickSource.ALPHAVANTAGE,
                null,
                OPEN);

        RuleExplanation why = RuleExplainer.explain(rule, SymbolState.EMPTY, unknown, OPEN, STALE_AFTER);

        assertThat(codes(why)).containsExactly(Code.FEED_STALE);
        assertThat(why.reasons().getFirst().ageSeconds()).isNull();
    }

    @Test
    void aSignalRuleWaitsForTheTurn() {
        StoredRule rule = fresh(RuleDraft.signal(Signal.BULLISH));

        RuleExplanation why = explain(rule, at("190", OPEN), OPEN);

        assertThat(codes(why)).containsExactly(Code.CONDITION_NOT_MET);
        assertThat(why.reasons().getFirst().detail()).contains("BULLISH");
    }

    @Test
    void aPortfolioRuleIsExplainedFromThePortfoliosValue() {
        StoredRule rule = StoredRule.fresh(
                RuleDraft.level(Condition.PORTFOLIO_VALUE_ABOVE, "5000").build());

        RuleExplanation belowLevel =
                RuleExplainer.explainPortfolio(rule, new BigDecimal("900"), OPEN.minusSeconds(5), OPEN);
        RuleExplanation unknown = RuleExplainer.explainPortfolio(rule, null, null, OPEN);

        assertThat(belowLevel.lastEvaluatedAt()).isEqualTo(OPEN.minusSeconds(5));
        assertThat(belowLevel.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(Code.CONDITION_NOT_MET);
            assertThat(reason.distance()).isEqualByComparingTo("4100");
            assertThat(reason.detail()).contains("portfolio");
        });
        assertThat(codes(unknown)).containsExactly(Code.NO_DATA);
    }

    private static RuleExplanation explain(StoredRule rule, SymbolState symbol, Instant now) {
        return RuleExplainer.explain(rule, symbol, now, STALE_AFTER);
    }

    private static StoredRule fresh(RuleDraft rule) {
        return StoredRule.fresh(rule.on("AAPL").build());
    }

    /** {@code rule} after it fired 30 s before {@link #OPEN}, still armed or not. */
    private static StoredRule fired(AlertRule rule, boolean armed) {
        return new StoredRule(rule, new RuleState(armed, OPEN.minusSeconds(30), UUID.randomUUID()));
    }

    /** AAPL last seen at {@code price}, 10 s before {@code now}. */
    private static SymbolState at(String price, Instant now) {
        return SymbolState.EMPTY.after(TickDraft.tick("AAPL", price, now.minusSeconds(10)), 0);
    }

    private static List<Code> codes(RuleExplanation why) {
        return why.reasons().stream().map(Reason::code).toList();
    }
}
