package org.stockalerts.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stockalerts.common.fixtures.RuleDraft;

class AlertRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @ParameterizedTest
    @EnumSource(
            value = Condition.class,
            names = {
                "PRICE_ABOVE",
                "PRICE_BELOW",
                "CROSSES_UP",
                "CROSSES_DOWN",
                "PORTFOLIO_VALUE_ABOVE",
                "PORTFOLIO_VALUE_BELOW"
            })
    void levelCrossAndPortfolioRulesNeedAPositiveThreshold(Condition condition) {
        // Given a level, cross or portfolio rule without a threshold, and one with a zero threshold
        RuleDraft missing = RuleDraft.of(condition);
        missing.threshold((BigDecimal) null);
        RuleDraft zero = RuleDraft.of(condition);
        zero.threshold(BigDecimal.ZERO);

        // When they are built
        // Then both are refused, naming the threshold
        assertThatThrownBy(missing::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing required field 'threshold'");
        assertThatThrownBy(zero::build).hasMessage("field 'threshold' must be positive, was 0");
    }

    @Test
    void symbolRulesNeedASymbolButPortfolioRulesDoNot() {
        // Given a price rule and a portfolio rule, neither with a symbol
        RuleDraft price = RuleDraft.of(Condition.PRICE_BELOW);
        price.on((Symbol) null);
        RuleDraft portfolio = RuleDraft.of(Condition.PORTFOLIO_VALUE_BELOW);

        // When they are built
        // Then only the price rule is refused
        assertThatThrownBy(price::build).hasMessage("missing required field 'symbol'");
        assertThat(portfolio.build().symbol()).isNull();
    }

    @Test
    void moveRulesNeedAPositivePercentAndAReference() {
        // Given move rules missing their percent, with a negative percent, and missing their reference
        RuleDraft noPercent = RuleDraft.of(Condition.MOVES_UP);
        noPercent.percent(null);
        RuleDraft negativePercent = RuleDraft.of(Condition.MOVES_DOWN);
        negativePercent.percent("-5");
        RuleDraft noReference = RuleDraft.of(Condition.MOVES_UP);
        noReference.reference(null);

        // When they are built
        // Then each is refused, naming the field
        assertThatThrownBy(noPercent::build).hasMessage("missing required field 'percent'");
        assertThatThrownBy(negativePercent::build).hasMessage("field 'percent' must be positive, was -5");
        assertThatThrownBy(noReference::build).hasMessage("missing required field 'reference'");
    }

    @Test
    void windowMovesNeedAPositiveWindowButPreviousCloseMovesDoNot() {
        // Given window moves without a window or with a zero window, and a previous-close move without one
        RuleDraft noWindow = RuleDraft.of(Condition.MOVES_UP);
        noWindow.windowMinutes(null);
        RuleDraft zeroWindow = RuleDraft.of(Condition.MOVES_UP);
        zeroWindow.windowMinutes(0);
        RuleDraft previousClose = RuleDraft.of(Condition.MOVES_DOWN);
        previousClose.reference(MoveReference.PREVIOUS_CLOSE);
        previousClose.windowMinutes(null);

        // When they are built
        // Then only the window moves are refused
        assertThatThrownBy(noWindow::build).hasMessage("field 'windowMinutes' must be positive for a window move rule");
        assertThatThrownBy(zeroWindow::build)
                .hasMessage("field 'windowMinutes' must be positive for a window move rule");
        assertThat(previousClose.build().reference()).isEqualTo(MoveReference.PREVIOUS_CLOSE);
    }

    @Test
    void signalRulesNeedASignal() {
        // Given a signal rule without the signal it waits for
        RuleDraft draft = RuleDraft.of(Condition.SIGNAL_TURNS);
        draft.signalOf(null);

        // When it is built
        // Then it is refused
        assertThatThrownBy(draft::build).hasMessage("missing required field 'signal'");
    }

    @Test
    void cooldownRulesNeedAPositiveCooldown() {
        // Given cooldown rules with no, a zero and a negative cooldown, and one with a minute
        RuleDraft draft = RuleDraft.of(Condition.PRICE_ABOVE);
        draft.mode(TriggerMode.COOLDOWN);

        // When they are built
        // Then only the positive cooldown is accepted
        for (Duration invalid : new Duration[] {null, Duration.ZERO, Duration.ofMinutes(-1)}) {
            draft.cooldown(invalid);
            assertThatThrownBy(draft::build)
                    .as("cooldown %s", invalid)
                    .hasMessage("field 'cooldown' must be positive for trigger mode COOLDOWN");
        }
        draft.cooldown(Duration.ofMinutes(1));
        assertThat(draft.build().cooldown()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void rearmRulesNeedARearmMarginThatIsNotNegative() {
        // Given re-arm rules with no margin, a negative one and a zero one
        RuleDraft missing = RuleDraft.of(Condition.CROSSES_UP);
        missing.mode(TriggerMode.REARM);
        RuleDraft negative = RuleDraft.of(Condition.CROSSES_UP);
        negative.mode(TriggerMode.REARM);
        negative.rearm("-0.01");
        RuleDraft zero = RuleDraft.of(Condition.CROSSES_UP);
        zero.mode(TriggerMode.REARM);
        zero.rearm("0");

        // When they are built
        // Then a missing or negative margin is refused, zero (re-arm as soon as it leaves) is fine
        assertThatThrownBy(missing::build).hasMessage("missing required field 'rearmMargin'");
        assertThatThrownBy(negative::build).hasMessage("field 'rearmMargin' must not be negative, was -0.01");
        assertThat(zero.build().rearmMargin()).isZero();
    }

    @Test
    void everyRuleNeedsItsIdsModeAndStatus() {
        // Given drafts each missing one of the always-required fields
        RuleDraft noRuleId = RuleDraft.rule();
        noRuleId.id(null);
        RuleDraft noUserId = RuleDraft.rule();
        noUserId.user(null);
        RuleDraft noMode = RuleDraft.rule();
        noMode.mode(null);
        RuleDraft noStatus = RuleDraft.rule();
        noStatus.status(null);

        // When they are built
        // Then each is refused, naming the field
        assertThatThrownBy(noRuleId::build).hasMessage("missing required field 'ruleId'");
        assertThatThrownBy(noUserId::build).hasMessage("missing required field 'userId'");
        assertThatThrownBy(noMode::build).hasMessage("missing required field 'triggerMode'");
        assertThatThrownBy(noStatus::build).hasMessage("missing required field 'status'");
    }

    @Test
    void deliversInAppWhenNoChannelIsChosen() {
        // Given rules with no channel set and with an empty one
        RuleDraft none = RuleDraft.rule().channels(null);
        RuleDraft empty = RuleDraft.rule();
        empty.channels(Set.of());

        // When they are built
        // Then both deliver in-app
        assertThat(none.build().channels()).containsExactly(ChannelType.IN_APP);
        assertThat(empty.build().channels()).containsExactly(ChannelType.IN_APP);
    }

    @Test
    void equalChannelSetsAreOneSharedImmutableObject() {
        // Given two rules whose channels are equal sets, built apart and in another order
        AlertRule first = RuleDraft.rule()
                .channels(new HashSet<>(List.of(ChannelType.WEBHOOK, ChannelType.IN_APP)))
                .build();
        AlertRule second = RuleDraft.rule()
                .channels(EnumSet.of(ChannelType.IN_APP, ChannelType.WEBHOOK))
                .build();

        // Then both hold the same set, equal to what was given, which cannot be changed
        assertThat(first.channels())
                .isSameAs(second.channels())
                .containsExactlyInAnyOrder(ChannelType.IN_APP, ChannelType.WEBHOOK);
        assertThatThrownBy(() -> first.channels().add(ChannelType.EMAIL))
                .isInstanceOf(UnsupportedOperationException.class);
        for (ChannelType type : ChannelType.values()) {
            assertThat(RuleDraft.rule().channels(Set.of(type)).build().channels())
                    .containsExactly(type);
        }
        assertThat(RuleDraft.rule()
                        .channels(Set.of(ChannelType.values()))
                        .build()
                        .channels())
                .containsExactlyInAnyOrder(ChannelType.values());
    }

    @Test
    void isLiveOnlyWhileActiveAndBeforeItExpires() {
        // Given an active rule without expiry, paused and triggered rules, and rules expiring around now
        RuleDraft active = RuleDraft.rule();
        RuleDraft paused = RuleDraft.rule();
        paused.status(RuleStatus.PAUSED);
        RuleDraft triggered = RuleDraft.rule();
        triggered.status(RuleStatus.TRIGGERED);
        RuleDraft expiresLater = RuleDraft.rule();
        expiresLater.expiresAt(NOW.plusMillis(1));
        RuleDraft expiresNow = RuleDraft.rule();
        expiresNow.expiresAt(NOW);
        RuleDraft pausedAndUnexpired = RuleDraft.rule();
        pausedAndUnexpired.status(RuleStatus.PAUSED);
        pausedAndUnexpired.expiresAt(NOW.plusSeconds(60));

        // When / Then only active rules before their expiry are live
        assertThat(active.build().isLiveAt(NOW)).isTrue();
        assertThat(expiresLater.build().isLiveAt(NOW)).isTrue();
        assertThat(paused.build().isLiveAt(NOW)).isFalse();
        assertThat(triggered.build().isLiveAt(NOW)).isFalse();
        assertThat(expiresNow.build().isLiveAt(NOW)).isFalse();
        assertThat(expiresLater.build().isLiveAt(NOW.plusSeconds(1))).isFalse();
        assertThat(pausedAndUnexpired.build().isLiveAt(NOW)).isFalse();
    }
}
