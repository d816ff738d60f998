package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.RuleDraft;

class RuleRequestTest {

    private static final UUID RULE = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final Symbol AAPL = Symbol.of("AAPL");

    @Test
    void makesAOnceOnlyPriceAboveRuleWhenNoConditionIsGiven() {
        // When a request with only a symbol and a price becomes a rule
        AlertRule rule =
                request(AAPL, null, new BigDecimal("200"), null, null, null).toRule(RULE, USER, RuleStatus.ACTIVE, 1);

        // Then it is an active price-above rule, fired once, in-app
        assertThat(rule.condition()).isEqualTo(Condition.PRICE_ABOVE);
        assertThat(rule.triggerMode()).isEqualTo(TriggerMode.ONCE);
        assertThat(rule.channels()).containsExactly(ChannelType.IN_APP);
    }

    @Test
    void refusesFieldsTheConditionDoesNotUse() {
        // When a move rule also carries a threshold
        RuleRequest request = request(
                AAPL, Condition.MOVES_UP, BigDecimal.ONE, new BigDecimal("5"), MoveReference.PREVIOUS_CLOSE, null);

        // Then it is unprocessable, naming the field
        assertThatThrownBy(() -> request.toRule(RULE, USER, RuleStatus.ACTIVE, 1))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("threshold");
    }

    @Test
    void refusesAWindowMoveWithoutItsWindow() {
        // When a window move rule lacks windowMinutes
        RuleRequest request =
                request(AAPL, Condition.MOVES_DOWN, null, new BigDecimal("5"), MoveReference.WINDOW, null);

        // Then it is unprocessable
        assertThatThrownBy(() -> request.toRule(RULE, USER, RuleStatus.ACTIVE, 1))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("windowMinutes");
    }

    @Test
    void patchingToAnotherConditionDropsTheFieldsItNoLongerUses() {
        // Given a price rule with a cooldown
        AlertRule existing = RuleDraft.level(Condition.PRICE_ABOVE, "10")
                .id(RULE)
                .user(USER)
                .on(AAPL)
                .cooldown(Duration.ofMinutes(5))
                .channels(Set.of())
                .status(RuleStatus.PAUSED)
                .revision(3)
                .build();

        // When it is patched into a previous-close move rule
        AlertRule patched = request(
                        null, Condition.MOVES_UP, null, new BigDecimal("2.5"), MoveReference.PREVIOUS_CLOSE, null)
                .patch(existing);

        // Then the threshold is gone, the rest is kept
        assertThat(patched.threshold()).isNull();
        assertThat(patched.percent()).isEqualByComparingTo("2.5");
        assertThat(patched.symbol()).isEqualTo(AAPL);
        assertThat(patched.cooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(patched.status()).isEqualTo(RuleStatus.PAUSED);
    }

    private static RuleRequest request(
            Symbol symbol,
            Condition condition,
            BigDecimal threshold,
            BigDecimal percent,
            MoveReference reference,
            Integer windowMinutes) {
        return new RuleRequest(
                null,
                symbol,
                condition,
                threshold,
                percent,
                reference,
                windowMinutes,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
