package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.USER;
import static org.stockalerts.common.fixtures.RuleDraft.level;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.Holding;
import org.stockalerts.common.event.PortfolioChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.id.AlertIds;

/** Signal rules against analytics, portfolio rules against holdings and ticks, through the whole topology. */
class SignalAndPortfolioRulesTest extends EngineTopologyTest {

    static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void signalRuleFiresWhenTheSignalTurnsToItsSignalOnTheWatchedInterval() {
        // Given a ONCE rule waiting for AAPL to turn BULLISH
        AlertRule rule = engine.rule(RuleDraft.signal(Signal.BULLISH).build());

        // When a bar closes without a change, the daily signal turns, and then the 1-minute signal turns
        engine.signal("AAPL", Signal.NEUTRAL, Signal.NEUTRAL, MINUTE, 60);
        engine.signal("AAPL", Signal.BULLISH, Signal.NEUTRAL, Duration.ofHours(24), 120);
        AnalyticsUpdated turn = engine.signal("AAPL", Signal.BULLISH, Signal.NEUTRAL, MINUTE, 180);

        // Then it fired on the 1-minute turn only, with the bar's close
        assertThat(engine.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.alertId()).isEqualTo(AlertIds.of(rule.ruleId(), turn.eventId()));
            assertThat(alert.tick()).isNull();
            assertThat(alert.observedValue()).isEqualByComparingTo("101.5");
            assertThat(alert.message()).isEqualTo("AAPL: SMA5/SMA20 signal turned BULLISH (close 101.5)");
        });
    }

    @Test
    void signalRuleIgnoresTurnsToOtherSignalsReplaysAndOnceFiresOnce() {
        // Given a ONCE BEARISH rule
        engine.rule(RuleDraft.signal(Signal.BEARISH).build());

        // When the signal turns BULLISH, then BEARISH, the BEARISH update is replayed, and it turns BEARISH again later
        engine.signal("AAPL", Signal.BULLISH, Signal.NEUTRAL, MINUTE, 60);
        AnalyticsUpdated bearish = engine.signal("AAPL", Signal.BEARISH, Signal.BULLISH, MINUTE, 120);
        engine.signal(bearish);
        engine.signal("AAPL", Signal.NEUTRAL, Signal.BEARISH, MINUTE, 180);
        engine.signal("AAPL", Signal.BEARISH, Signal.NEUTRAL, MINUTE, 240);

        // Then it fired once, on the first BEARISH turn
        assertThat(engine.firingTicks()).containsExactly(bearish.eventId());
    }

    @Test
    void signalRuleWithRearmFiresOnEveryTurnAndWithCooldownAtMostOncePerCooldown() {
        // Given a REARM and a 10-minute COOLDOWN rule, both for BULLISH
        AlertRule rearm =
                engine.rule(RuleDraft.signal(Signal.BULLISH).rearm("0").build());
        AlertRule cooldown = engine.rule(RuleDraft.signal(Signal.BULLISH)
                .cooldown(Duration.ofMinutes(10))
                .build());

        // When the signal turns BULLISH at minutes 1, 3 and 12
        engine.signal("AAPL", Signal.BULLISH, Signal.NEUTRAL, MINUTE, 60);
        engine.signal("AAPL", Signal.NEUTRAL, Signal.BULLISH, MINUTE, 120);
        engine.signal("AAPL", Signal.BULLISH, Signal.NEUTRAL, MINUTE, 180);
        engine.signal("AAPL", Signal.NEUTRAL, Signal.BULLISH, MINUTE, 600);
        engine.signal("AAPL", Signal.BULLISH, Signal.NEUTRAL, MINUTE, 720);

        // Then the REARM rule fired three times, the COOLDOWN rule at minutes 1 and 12
        var alerts = engine.alerts();
        assertThat(alerts).filteredOn(a -> a.ruleId().equals(rearm.ruleId())).hasSize(3);
        assertThat(alerts)
                .filteredOn(a -> a.ruleId().equals(cooldown.ruleId()))
                .extracting(AlertTriggered::observedAt)
                .containsExactly(EngineDriver.START.plusSeconds(60), EngineDriver.START.plusSeconds(720));
    }

    @Test
    void portfolioValueAboveFiresWhenEveryHoldingIsPricedAndTheSumReachesTheLevel() {
        // Given a user holding 10 AAPL and 5 MSFT and a portfolio rule at or above 3000
        AlertRule rule =
                engine.rule(level(Condition.PORTFOLIO_VALUE_ABOVE, "3000").build());
        engine.portfolio(USER, UUID.randomUUID(), holding("AAPL", "10"), holding("MSFT", "5"));

        // When AAPL ticks (MSFT not yet priced), then MSFT ticks to make exactly 3000, then more ticks
        engine.tick("AAPL", "200", 1);
        PriceTick msft = engine.tick("MSFT", "200", 2);
        engine.tick("AAPL", "250", 3);

        // Then it fired once, on the MSFT tick: 10 x 200 + 5 x 200 = 3000
        assertThat(engine.alertRecords()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(USER.toString());
            AlertTriggered alert = record.value();
            assertThat(alert.ruleId()).isEqualTo(rule.ruleId());
            assertThat(alert.sourceEventId()).isEqualTo(msft.eventId());
            assertThat(alert.tick()).isEqualTo(msft);
            assertThat(alert.observedValue()).isEqualByComparingTo("3000");
            assertThat(alert.message()).isEqualTo("Your portfolio value is at or above 3000 (now 3000.00)");
        });
    }

    @Test
    void portfolioValueBelowReactsToHoldingChangesAcrossPortfoliosAndRearms() {
        // Given AAPL at 100, a user with 10 AAPL in each of two portfolios (2000), and a below-1500 rule
        // re-arming 100 above the level
        engine.tick("AAPL", "100", 1);
        UUID second = UUID.randomUUID();
        engine.portfolio(USER, UUID.randomUUID(), holding("AAPL", "10"));
        engine.portfolio(USER, second, holding("AAPL", "10"));
        engine.rule(level(Condition.PORTFOLIO_VALUE_BELOW, "1500").rearm("100").build());

        // When the second portfolio sells everything (1000), the price rises to 160 (1600, not past the
        // margin), falls to 140 (1400), rises to 170 (1700, re-armed) and falls to 140 again
        PortfolioChanged sold = engine.portfolio(USER, second);
        engine.tick("AAPL", "160", 2);
        engine.tick("AAPL", "140", 3);
        engine.tick("AAPL", "170", 4);
        PriceTick again = engine.tick("AAPL", "140", 5);

        // Then it fired on the sale and again only after re-arming above 1600
        assertThat(engine.firingTicks()).containsExactly(sold.eventId(), again.eventId());
    }

    @Test
    void aWatchEntryHoldsNothingForPortfolioRulesWhileItsThresholdRuleFires() {
        // Given a portfolio worth more than 100 only with MSFT, and a threshold rule on MSFT at or above 150
        AlertRule portfolioRule =
                engine.rule(level(Condition.PORTFOLIO_VALUE_ABOVE, "100").build());
        AlertRule threshold =
                engine.rule(level(Condition.PRICE_ABOVE, "150").on("MSFT").build());
        UUID portfolio = UUID.randomUUID();
        engine.portfolio(USER, portfolio, holding("AAPL", "1"), holding("MSFT", "1"));
        engine.tick("AAPL", "10", 1);

        // When MSFT becomes a watch entry (the published portfolio carries positions only) and reaches 150
        engine.portfolio(USER, portfolio, holding("AAPL", "1"));
        PriceTick reaching = engine.tick("MSFT", "150", 2);

        // Then the threshold rule fires, and the portfolio, worth 10 without MSFT, does not
        assertThat(engine.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.ruleId()).isEqualTo(threshold.ruleId());
            assertThat(alert.sourceEventId()).isEqualTo(reaching.eventId());
        });
        assertThat(engine.alerts()).noneMatch(alert -> alert.ruleId().equals(portfolioRule.ruleId()));
    }

    @Test
    void aDeletedPortfolioRuleNeverFires() {
        // Given a portfolio rule and holdings
        AlertRule rule =
                engine.rule(level(Condition.PORTFOLIO_VALUE_ABOVE, "100").build());
        engine.portfolio(USER, UUID.randomUUID(), holding("AAPL", "1"));

        // When the rule is deleted and the value passes the level
        engine.deleteRule(rule.ruleId());
        engine.tick("AAPL", "500", 1);

        // Then nothing fires
        assertThat(engine.alerts()).isEmpty();
    }

    static Holding holding(String symbol, String quantity) {
        return new Holding(Symbol.of(symbol), new BigDecimal(quantity), BigDecimal.ONE);
    }
}
