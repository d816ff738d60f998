package org.stockalerts.api.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.Require;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.market.MarketSession;

/**
 * The price-at-or-above rules of holdings, one per threshold, each linked to its holding. Every
 * change goes through {@link AlertRules}, so it reaches the outbox like any other rule change.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HoldingRules {

    private final AlertRuleRepository rules;
    private final AlertRules changes;
    private final EventIds ids;
    private final Clock clock;

    /**
     * Keeps a holding's price-at-or-above rules in line with its one {@code threshold}: the rule
     * already at that threshold (else the oldest) follows it and is re-activated, any other goes; a
     * null threshold deletes them all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setThreshold(
            UUID userId, UUID holdingId, Symbol symbol, BigDecimal threshold, ThresholdTrigger trigger) {
        List<AlertRuleEntity> existing = rules.findByHoldingIdOrderByCreatedAtAscIdAsc(holdingId);
        Optional<AlertRuleEntity> kept = threshold == null
                ? Optional.empty()
                : atThreshold(existing, threshold).or(() -> existing.stream().findFirst());
        for (AlertRuleEntity entity : existing) {
            if (kept.isEmpty() || entity != kept.get()) {
                rules.delete(entity);
                changes.tombstone(entity.id());
            }
        }
        if (threshold != null) {
            saveHoldingRule(kept, userId, holdingId, symbol, threshold, trigger);
        }
    }

    /**
     * Adds a price-at-or-above rule at {@code threshold} to a holding's others; a rule it has at
     * that threshold already is re-activated instead, so the same threshold never fires twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addThreshold(
            UUID userId, UUID holdingId, Symbol symbol, BigDecimal threshold, ThresholdTrigger trigger) {
        Require.present(threshold, "thresholdPrice");
        List<AlertRuleEntity> existing = rules.findByHoldingIdOrderByCreatedAtAscIdAsc(holdingId);
        saveHoldingRule(atThreshold(existing, threshold), userId, holdingId, symbol, threshold, trigger);
    }

    /** The thresholds of each holding's price-at-or-above rules, ascending; a holding without any is absent. */
    @Transactional(readOnly = true)
    public Map<UUID, List<BigDecimal>> thresholds(Collection<UUID> holdingIds) {
        return holdingIds.isEmpty() ? Map.of() : thresholdsOf(rules.findByHoldingIdIn(holdingIds));
    }

    /** {@link #thresholds} of every holding of portfolio {@code portfolioId}. */
    @Transactional(readOnly = true)
    public Map<UUID, List<BigDecimal>> thresholdsOfPortfolio(UUID portfolioId) {
        return thresholdsOf(rules.findByPortfolioId(portfolioId));
    }

    private static Map<UUID, List<BigDecimal>> thresholdsOf(List<AlertRuleEntity> entities) {
        Map<UUID, List<BigDecimal>> thresholds = new HashMap<>();
        for (AlertRuleEntity entity : entities) {
            AlertRule rule = entity.toRule();
            if (rule.condition() == Condition.PRICE_ABOVE) {
                thresholds
                        .computeIfAbsent(entity.holdingId(), id -> new ArrayList<>())
                        .add(rule.threshold());
            }
        }
        thresholds.values().forEach(list -> list.sort(null));
        return thresholds;
    }

    /** The price-at-or-above rules of the given holdings. */
    @Transactional(readOnly = true)
    public List<AlertRule> thresholdRules(Collection<UUID> holdingIds) {
        if (holdingIds.isEmpty()) {
            return List.of();
        }
        return rules.findByHoldingIdIn(holdingIds).stream()
                .map(AlertRuleEntity::toRule)
                .filter(rule -> rule.condition() == Condition.PRICE_ABOVE)
                .toList();
    }

    private static Optional<AlertRuleEntity> atThreshold(List<AlertRuleEntity> rules, BigDecimal threshold) {
        return rules.stream()
                .filter(entity -> entity.toRule().condition() == Condition.PRICE_ABOVE
                        && entity.toRule().threshold().compareTo(threshold) == 0)
                .findFirst();
    }

    private void saveHoldingRule(
            Optional<AlertRuleEntity> existing,
            UUID userId,
            UUID holdingId,
            Symbol symbol,
            BigDecimal threshold,
            ThresholdTrigger trigger) {
        UUID ruleId = existing.map(AlertRuleEntity::id).orElseGet(ids::next);
        long revision = existing.map(entity -> entity.toRule().revision()).orElse(1L);
        Set<ChannelType> channels =
                existing.map(entity -> entity.toRule().channels()).orElse(Set.of(ChannelType.IN_APP));
        MarketSession session =
                existing.map(entity -> entity.toRule().session()).orElse(MarketSession.ANY);
        Instant snoozedUntil =
                existing.map(entity -> entity.toRule().snoozedUntil()).orElse(null);
        AlertRule rule = new AlertRule(
                ruleId,
                userId,
                symbol,
                Condition.PRICE_ABOVE,
                threshold,
                null,
                null,
                null,
                null,
                trigger.mode(),
                trigger.cooldown(),
                null,
                null,
                channels,
                RuleStatus.ACTIVE,
                revision,
                session,
                snoozedUntil);
        Instant now = clock.instant();
        if (existing.isPresent()) {
            existing.get().apply(rule, now);
            changes.save(existing.get());
        } else {
            changes.save(new AlertRuleEntity(rule, holdingId, now));
        }
    }
}
