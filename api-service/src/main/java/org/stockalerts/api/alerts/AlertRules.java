package org.stockalerts.api.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.outbox.OutboxWriter;
import org.stockalerts.api.quota.Quotas;
import org.stockalerts.api.user.UserDeletionListener;
import org.stockalerts.api.user.UserRepository;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.id.EventIds;

/**
 * Creates, changes and deletes alert rules; every change goes to the outbox as an
 * {@link AlertRuleChanged} (a deletion as a tombstone) in the same transaction.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AlertRules implements UserDeletionListener {

    private static final Logger log = LoggerFactory.getLogger(AlertRules.class);

    /** The longest snooze, a leap year (as the longest cooldown). */
    static final Duration MAX_SNOOZE = Duration.ofDays(366);

    private final AlertRuleRepository rules;
    private final UserRepository users;
    private final OutboxWriter outbox;
    private final EventIds ids;
    private final Clock clock;
    private final Quotas quotas;

    @Transactional
    AlertRuleEntity create(UUID ownerId, RuleRequest request) {
        lockUser(ownerId);
        AlertRule rule = request.toRule(ids.next(), ownerId, RuleStatus.ACTIVE, 1);
        return quotas.guarded(ownerId, () -> save(new AlertRuleEntity(checkExpiry(rule), null, clock.instant())));
    }

    @Transactional
    AlertRuleEntity replace(UUID ownerId, UUID ruleId, RuleRequest request) {
        AlertRuleEntity entity = owned(ownerId, ruleId);
        AlertRule current = entity.toRule();
        AlertRule rule = request.toRule(ruleId, ownerId, current.status(), current.revision())
                .withSnoozedUntil(current.snoozedUntil());
        return applyGuarded(ownerId, entity, checkExpiry(rule));
    }

    @Transactional
    AlertRuleEntity patch(UUID ownerId, UUID ruleId, RuleRequest request) {
        AlertRuleEntity entity = owned(ownerId, ruleId);
        AlertRule rule = request.patch(entity.toRule());
        return applyGuarded(ownerId, entity, request.expiresAt() == null ? rule : checkExpiry(rule));
    }

    /** Takes over {@code rule} if the owner's quota allows the change. */
    private AlertRuleEntity applyGuarded(UUID ownerId, AlertRuleEntity entity, AlertRule rule) {
        return quotas.guarded(ownerId, () -> {
            entity.apply(rule, clock.instant());
            return save(entity);
        });
    }

    /** Pauses ({@code PAUSED}) or resumes ({@code ACTIVE}, which also re-arms a triggered rule). */
    @Transactional
    AlertRuleEntity setStatus(UUID ownerId, UUID ruleId, RuleStatus status) {
        AlertRuleEntity entity = owned(ownerId, ruleId);
        entity.changeStatus(status, clock.instant());
        return save(entity);
    }

    /**
     * Snoozes a rule until {@code until} (in the future, at most {@link #MAX_SNOOZE} ahead), or ends its snooze
     * ({@code until} null). A new revision, so the engine learns it through the outbox.
     */
    @Transactional
    AlertRuleEntity snooze(UUID ownerId, UUID ruleId, Instant until) {
        AlertRuleEntity entity = owned(ownerId, ruleId);
        AlertRule current = entity.toRule();
        if (until == null && current.snoozedUntil() == null) {
            return entity;
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new UnprocessableException("field 'until' must be in the future");
        }
        if (until != null && until.isAfter(now.plus(MAX_SNOOZE))) {
            throw new UnprocessableException("a rule can be snoozed for at most " + MAX_SNOOZE.toDays() + " days");
        }
        // to the microsecond the database keeps, so every later revision carries the same instant
        entity.apply(current.withSnoozedUntil(until == null ? null : until.truncatedTo(ChronoUnit.MICROS)), now);
        return save(entity);
    }

    /**
     * A once-rule fired: it is TRIGGERED (disarmed) until resumed. An alert raised by a revision from
     * before the engine last started the rule's state afresh (an edit of what it watches, a resume),
     * or for a rule no longer active, changes nothing; one from a revision the rule has had since
     * (a snooze, new channels or expiry) still describes the engine's state and marks it.
     *
     * @return whether the rule was marked
     */
    @Transactional
    public boolean markTriggered(UUID ownerId, UUID ruleId, long firedRevision) {
        if (users.lockById(ownerId).isEmpty()) {
            return false;
        }
        var entity = rules.findByIdAndUserId(ruleId, ownerId);
        if (entity.isEmpty()) {
            return false;
        }
        AlertRule rule = entity.get().toRule();
        if (rule.triggerMode() != TriggerMode.ONCE
                || rule.status() != RuleStatus.ACTIVE
                || firedRevision < entity.get().stateSinceRevision()
                || firedRevision > rule.revision()) {
            return false;
        }
        entity.get().changeStatus(RuleStatus.TRIGGERED, clock.instant());
        save(entity.get());
        return true;
    }

    @Transactional
    void delete(UUID ownerId, UUID ruleId) {
        AlertRuleEntity entity = owned(ownerId, ruleId);
        rules.delete(entity);
        tombstone(ruleId);
    }

    @Override
    public void beforeUserDeleted(UUID userId) {
        rules.findByUserId(userId).forEach(rule -> tombstone(rule.id()));
    }

    AlertRuleEntity save(AlertRuleEntity entity) {
        AlertRuleEntity saved = rules.save(entity);
        AlertRule rule = saved.toRule();
        outbox.ruleChanged(new AlertRuleChanged(ids.next(), clock.instant(), AlertRuleChanged.CURRENT_VERSION, rule));
        log.atInfo()
                .addKeyValue("ruleId", rule.ruleId())
                .addKeyValue("userId", rule.userId())
                .addKeyValue("revision", rule.revision())
                .addKeyValue("status", rule.status())
                .log("alert rule saved");
        return saved;
    }

    void tombstone(UUID ruleId) {
        outbox.ruleDeleted(ids.next(), ruleId, clock.instant());
        log.atInfo().addKeyValue("ruleId", ruleId).log("alert rule deleted");
    }

    private AlertRuleEntity owned(UUID ownerId, UUID ruleId) {
        lockUser(ownerId);
        return rules.findByIdAndUserId(ruleId, ownerId).orElseThrow(() -> new NotFoundException("alert rule", ruleId));
    }

    private void lockUser(UUID userId) {
        users.lockById(userId).orElseThrow(() -> NotFoundException.user(userId));
    }

    private AlertRule checkExpiry(AlertRule rule) {
        if (rule.expiresAt() != null && !rule.expiresAt().isAfter(clock.instant())) {
            throw new UnprocessableException("field 'expiresAt' must be in the future");
        }
        return rule;
    }
}
