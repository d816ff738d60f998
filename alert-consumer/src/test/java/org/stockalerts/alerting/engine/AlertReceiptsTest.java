package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.USER;
import static org.stockalerts.common.fixtures.RuleDraft.level;
import static org.stockalerts.common.fixtures.RuleDraft.move;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.RuleDraft;

/** Every alert says why it fired: the receipt the engine writes for each kind of rule. */
class AlertReceiptsTest extends EngineTopologyTest {

    @Test
    void aPriceAlertsReceiptNamesTheLevelBothPricesTheTickItsTimingsAndTheTriggerStates() {
        // Given a once-rule at or above 200, AAPL at 199
        AlertRule rule = engine.rule(level(Condition.PRICE_ABOVE, "200").build());
        engine.tick("AAPL", "199", 1);

        // When a tick of 201.37, published at 2 s, is evaluated 1.5 s later
        engine.advanceWallClock(Duration.ofMillis(3_500));
        PriceTick tick = engine.tick("AAPL", "201.37", 2);

        // Then its receipt
        AlertReceipt receipt = onlyReceipt();
        assertThat(receipt.condition()).isEqualTo(Condition.PRICE_ABOVE);
        assertThat(receipt.threshold()).isEqualByComparingTo("200");
        assertThat(receipt.percent()).isNull();
        assertThat(receipt.observedValue()).isEqualByComparingTo("201.37");
        assertThat(receipt.previousValue()).isEqualByComparingTo("199");
        assertThat(receipt.referencePrice()).isNull();
        assertThat(receipt.sourceEventId()).isEqualTo(tick.eventId());
        assertThat(receipt.source()).isEqualTo(TickSource.SIMULATED);
        assertThat(receipt.observedAt()).isEqualTo(tick.observedAt());
        assertThat(receipt.evaluatedAt()).isEqualTo(EngineDriver.START.plusMillis(3_500));
        assertThat(receipt.latencyMillis()).isEqualTo(1_500L);
        assertThat(receipt.ruleRevision()).isEqualTo(rule.revision());
        assertThat(receipt.before()).isEqualTo(new AlertReceipt.TriggerState(true, null));
        assertThat(receipt.after()).isEqualTo(new AlertReceipt.TriggerState(false, tick.observedAt()));
    }

    @Test
    void aMoveAlertsReceiptHasTheMoveAndThePriceItWasMeasuredFrom() {
        // Given a 5 % move up against the previous close
        engine.rule(move(Condition.MOVES_UP, "5", MoveReference.PREVIOUS_CLOSE, null)
                .build());

        // When AAPL trades at 105.5 after a close of 100
        engine.tickWithClose("AAPL", "105.5", "100", 1);

        // Then the receipt has the move in percent against the close
        AlertReceipt receipt = onlyReceipt();
        assertThat(receipt.percent()).isEqualByComparingTo("5");
        assertThat(receipt.reference()).isEqualTo(MoveReference.PREVIOUS_CLOSE);
        assertThat(receipt.observedValue()).isEqualByComparingTo("5.5");
        assertThat(receipt.referencePrice()).isEqualByComparingTo("100");
        assertThat(receipt.previousValue()).isNull();
    }

    @Test
    void aCooldownRulesSecondReceiptShowsWhenItLastFired() {
        // Given an above-200 rule with a one-minute cooldown that fired on a first tick
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .mode(TriggerMode.COOLDOWN)
                .cooldown(Duration.ofMinutes(1))
                .build());
        PriceTick first = engine.tick("AAPL", "201", 1);

        // When it fires again after the cooldown
        PriceTick second = engine.tick("AAPL", "202", 61);

        // Then the second receipt's state before is the first firing, and after it the second
        List<AlertReceipt> receipts = receipts();
        assertThat(receipts).hasSize(2);
        assertThat(receipts.get(1).before()).isEqualTo(new AlertReceipt.TriggerState(true, first.observedAt()));
        assertThat(receipts.get(1).after()).isEqualTo(new AlertReceipt.TriggerState(true, second.observedAt()));
    }

    @Test
    void aPortfolioAlertsReceiptHasTheValueBeforeAndAfterAndTheAlertKeepsItsEventTime() {
        // Given 10 AAPL priced at 100 and a portfolio rule at or above 1050, evaluated an hour after the ticks
        // (a backlog: the wall clock is far past the event time)
        engine.rule(level(Condition.PORTFOLIO_VALUE_ABOVE, "1050").build());
        engine.portfolio(USER, UUID.randomUUID(), SignalAndPortfolioRulesTest.holding("AAPL", "10"));
        engine.advanceWallClock(Duration.ofHours(1));
        engine.tick("AAPL", "100", 1);

        // When AAPL rises to 106
        PriceTick tick = engine.tick("AAPL", "106", 2);

        // Then the receipt compares 1060 with 1050, after 1000, evaluated an hour later
        List<AlertTriggered> alerts = engine.alerts();
        assertThat(alerts).hasSize(1);
        AlertReceipt receipt = alerts.getFirst().receipt();
        assertThat(receipt.threshold()).isEqualByComparingTo("1050");
        assertThat(receipt.observedValue()).isEqualByComparingTo("1060");
        assertThat(receipt.previousValue()).isEqualByComparingTo("1000");
        assertThat(receipt.evaluatedAt()).isEqualTo(EngineDriver.START.plus(Duration.ofHours(1)));
        // And the alert, its receipt and the rule's state keep the tick's event time, not the wall clock's
        assertThat(alerts.getFirst().observedAt()).isEqualTo(tick.observedAt());
        assertThat(receipt.observedAt()).isEqualTo(tick.observedAt());
        assertThat(receipt.after().lastFiredAt()).isEqualTo(tick.observedAt());
    }

    @Test
    void aSignalAlertsReceiptHasTheBarsCloseAndNoTick() {
        // Given a rule waiting for a bullish turn
        engine.rule(RuleDraft.signal(Signal.BULLISH).build());

        // When the one-minute signal turns bullish
        AnalyticsUpdated turn =
                engine.signal("AAPL", Signal.BULLISH, Signal.NEUTRAL, SignalAndPortfolioRulesTest.MINUTE, 60);

        // Then the receipt names the signal and the close, and no tick
        AlertReceipt receipt = onlyReceipt();
        assertThat(receipt.signal()).isEqualTo(Signal.BULLISH);
        assertThat(receipt.observedValue()).isEqualByComparingTo("101.5");
        assertThat(receipt.sourceEventId()).isEqualTo(turn.eventId());
        assertThat(receipt.source()).isNull();
        assertThat(receipt.latencyMillis()).isNull();
    }

    private AlertReceipt onlyReceipt() {
        List<AlertReceipt> receipts = receipts();
        assertThat(receipts).hasSize(1);
        return receipts.getFirst();
    }

    private List<AlertReceipt> receipts() {
        return engine.alerts().stream().map(AlertTriggered::receipt).toList();
    }
}
