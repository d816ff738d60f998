package org.stockalerts.api.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.market.MarketSession;

/**
 * An alert rule as the API shows it. {@code status} is EXPIRED for an active rule past its expiry.
 *
 * @param snoozedUntil until when the rule is silent (POST /alerts/{id}/snooze); null when not snoozed, and once the
 *     snooze has passed it only records when it ended
 * @param holdingId the holding whose {@code thresholdPrice} created the rule, if one did
 * @param warnings what the caller should know about the rule just created or resumed ({@link RuleWarning}); left
 *     out when empty, and in every other answer
 */
record RuleView(
        UUID id,
        UUID userId,
        Symbol symbol,
        Condition condition,
        BigDecimal threshold,
        BigDecimal percent,
        MoveReference reference,
        Integer windowMinutes,
        Signal signal,
        TriggerMode triggerMode,
        Long cooldownSeconds,
        BigDecimal rearmMargin,
        Instant expiresAt,
        Set<ChannelType> channels,
        RuleStatus status,
        MarketSession session,
        Instant snoozedUntil,
        UUID holdingId,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RuleWarning> warnings) {

    static RuleView of(AlertRuleEntity entity, Instant now) {
        return of(entity, now, List.of());
    }

    static RuleView of(AlertRuleEntity entity, Instant now, List<RuleWarning> warnings) {
        AlertRule rule = entity.toRule();
        boolean expired =
                rule.status() == RuleStatus.ACTIVE && rule.expiresAt() != null && !now.isBefore(rule.expiresAt());
        return new RuleView(
                rule.ruleId(),
                rule.userId(),
                rule.symbol(),
                rule.condition(),
                rule.threshold(),
                rule.percent(),
                rule.reference(),
                rule.windowMinutes(),
                rule.signal(),
                rule.triggerMode(),
                rule.cooldown() == null ? null : rule.cooldown().toSeconds(),
                rule.rearmMargin(),
                rule.expiresAt(),
                rule.channels(),
                expired ? RuleStatus.EXPIRED : rule.status(),
                rule.session(),
                rule.snoozedUntil(),
                entity.holdingId(),
                rule.revision(),
                entity.createdAt(),
                entity.updatedAt(),
                warnings);
    }
}
