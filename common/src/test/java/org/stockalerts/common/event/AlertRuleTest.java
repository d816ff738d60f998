package org.stockalerts.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    private static final UUID RULE = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final BigDecimal TWO_HUNDRED = new BigDecimal("200");

    private static AlertRule rule(
            Condition condition,
            Symbol symbol,
            BigDecimal threshold,
            BigDecimal percent,
            MoveReference reference,
            Integer window,
            Signal signal) {
        return new AlertRule(
                RULE,
                USER,
                symbol,
                condition,
                threshold,
                percent,
                reference,
                window,
                signal,
                TriggerMode.ONCE,
                null,
                null,
                null,
                null,
                RuleStatus.ACTIVE,
                1);
    }

    private static AlertRule withMode(
            TriggerMode mode, Duration cooldown, BigDecimal margin, RuleStatus status, Instant expiresAt) {
        return new AlertRule(
                RULE,
                USER,
                AAPL,
                Condition.PRICE_ABOVE,
                TWO_HUNDRED,
                null,
                null,
                null,
                null,
                mode,
                cooldown,
                margin,
                expiresAt,
                Set.of(),
                status,
                1);
    }

    @Test
    void levelCrossAndPortfolioRulesNeedAPositiveThreshold() {
        assertThatThrownBy(() -> rule(Condition.PRICE_ABOVE, AAPL, null, null, null, null, null))
                .hasMessage("missing required field 'threshold'");
        assertThatThrownBy(() -> rule(Condition.CROSSES_DOWN, AAPL, BigDecimal.ZERO, null, null, null, null))
                .hasMessageContaining("'threshold' must be positive");
        assertThatThrownBy(() -> rule(Condition.PORTFOLIO_VALUE_ABOVE, null, null, null, null, null, null))
                .hasMessage("missing required field 'threshold'");
    }

    @Test
    void symbolRulesNeedASymbolButPortfolioRulesDoNot() {
        assertThatThrownBy(() -> rule(Condition.PRICE_BELOW, null, TWO_HUNDRED, null, null, null, null))
                .hasMessage("missing required field 'symbol'");
        assertThat(rule(Condition.PORTFOLIO_VALUE_BELOW, null, TWO_HUNDRED, null, null, null, null)
                        .symbol())
                .isNull();
    }

    @Test
    void moveRulesNeedPercentReferenceAndAWindowForWindowMoves() {
        assertThatThrownBy(() -> rule(Condition.MOVES_UP, AAPL, null, null, MoveReference.PREVIOUS_CLOSE, null, null))
                .hasMessage("missing required field 'percent'");
        assertThatThrownBy(() -> rule(Condition.MOVES_UP, AAPL, null, BigDecimal.ONE, null, null, null))
                .hasMessage("missing required field 'reference'");
        assertThatThrownBy(() -> rule(Condition.MOVES_DOWN, AAPL, null, BigDecimal.ONE, MoveReference.WINDOW, 0, null))
                .hasMessageContaining("'windowMinutes' must be positive");
        assertThat(rule(Condition.MOVES_DOWN, AAPL, null, BigDecimal.ONE, MoveReference.WINDOW, 30, null)
                        .windowMinutes())
                .isEqualTo(30);
    }

    @Test
    void signalRulesNeedASignal() {
        assertThatThrownBy(() -> rule(Condition.SIGNAL_TURNS, AAPL, null, null, null, null, null))
                .hasMessage("missing required field 'signal'");
    }

    @Test
    void cooldownAndRearmModesNeedTheirParameters() {
        assertThatThrownBy(() -> withMode(TriggerMode.COOLDOWN, Duration.ZERO, null, RuleStatus.ACTIVE, null))
                .hasMessageContaining("'cooldown' must be positive");
        assertThatThrownBy(() -> withMode(TriggerMode.REARM, null, null, RuleStatus.ACTIVE, null))
                .hasMessage("missing required field 'rearmMargin'");
        assertThatThrownBy(() -> withMode(TriggerMode.REARM, null, new BigDecimal("-1"), RuleStatus.ACTIVE, null))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void defaultsToInAppDelivery() {
        assertThat(withMode(TriggerMode.ONCE, null, null, RuleStatus.ACTIVE, null)
                        .channels())
                .containsExactly(ChannelType.IN_APP);
    }

    @Test
    void isLiveOnlyWhileActiveAndBeforeExpiry() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        assertThat(withMode(TriggerMode.ONCE, null, null, RuleStatus.ACTIVE, null)
                        .isLiveAt(now))
                .isTrue();
        assertThat(withMode(TriggerMode.ONCE, null, null, RuleStatus.PAUSED, null)
                        .isLiveAt(now))
                .isFalse();
        assertThat(withMode(TriggerMode.ONCE, null, null, RuleStatus.ACTIVE, now)
                        .isLiveAt(now))
                .isFalse();
        assertThat(withMode(TriggerMode.ONCE, null, null, RuleStatus.ACTIVE, now.plusSeconds(1))
                        .isLiveAt(now))
                .isTrue();
    }
}
