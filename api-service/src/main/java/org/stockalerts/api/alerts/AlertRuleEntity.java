package org.stockalerts.api.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.stockalerts.api.database.StampedEntity;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.common.rules.StoredRule;

/** A stored alert rule; {@link #toRule()} gives the definition the alert engine receives. */
@Entity
@Table(name = "alert_rules")
class AlertRuleEntity extends StampedEntity {

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    private String symbol;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Condition condition;

    private BigDecimal threshold;
    private BigDecimal percent;

    @Enumerated(EnumType.STRING)
    private MoveReference reference;

    @Column(name = "window_minutes")
    private Integer windowMinutes;

    @Enumerated(EnumType.STRING)
    private Signal signal;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_mode", nullable = false)
    private TriggerMode triggerMode;

    @Column(name = "cooldown_seconds")
    private Long cooldownSeconds;

    @Column(name = "rearm_margin")
    private BigDecimal rearmMargin;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private String[] channels;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RuleStatus status;

    @Column(name = "holding_id")
    private UUID holdingId;

    @Column(nullable = false)
    private long revision;

    /** The revision since which the engine holds the rule's current runtime state ({@link StoredRule#startsAfresh}). */
    @Column(name = "state_since_revision", nullable = false)
    private long stateSinceRevision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MarketSession session;

    @Column(name = "snoozed_until")
    private Instant snoozedUntil;

    protected AlertRuleEntity() {}

    AlertRuleEntity(AlertRule rule, UUID holdingId, Instant now) {
        super(rule.ruleId(), now);
        this.userId = rule.userId();
        this.holdingId = holdingId;
        this.revision = 0;
        apply(rule, now);
    }

    /** Takes over every field of {@code rule} but its ids, and counts a new revision. */
    void apply(AlertRule rule, Instant now) {
        AlertRule before = revision == 0 ? null : toRule();
        this.symbol = rule.symbol() == null ? null : rule.symbol().value();
        this.condition = rule.condition();
        this.threshold = rule.threshold();
        this.percent = rule.percent();
        this.reference = rule.reference();
        this.windowMinutes = rule.windowMinutes();
        this.signal = rule.signal();
        this.triggerMode = rule.triggerMode();
        this.cooldownSeconds = rule.cooldown() == null ? null : rule.cooldown().toSeconds();
        this.rearmMargin = rule.rearmMargin();
        this.expiresAt = rule.expiresAt();
        this.channels = rule.channels().stream().map(Enum::name).sorted().toArray(String[]::new);
        this.session = rule.session();
        this.snoozedUntil = rule.snoozedUntil();
        this.status = rule.status();
        counted(before, now);
    }

    /** Takes over {@code status} alone, and counts a new revision. */
    void changeStatus(RuleStatus status, Instant now) {
        AlertRule before = toRule();
        this.status = status;
        counted(before, now);
    }

    /** The revision since which the engine holds the rule's current runtime state. */
    long stateSinceRevision() {
        return stateSinceRevision;
    }

    /** A new revision, after {@code before} (null for a new rule): where the engine's state starts afresh, noted. */
    private void counted(AlertRule before, Instant now) {
        this.revision++;
        touched(now);
        if (before == null || StoredRule.startsAfresh(before, toRule())) {
            this.stateSinceRevision = revision;
        }
    }

    AlertRule toRule() {
        return new AlertRule(
                id(),
                userId,
                symbol == null ? null : Symbol.of(symbol),
                condition,
                threshold,
                percent,
                reference,
                windowMinutes,
                signal,
                triggerMode,
                cooldownSeconds == null ? null : Duration.ofSeconds(cooldownSeconds),
                rearmMargin,
                expiresAt,
                Arrays.stream(channels).map(ChannelType::valueOf).collect(Collectors.toSet()),
                status,
                revision,
                session,
                snoozedUntil);
    }

    UUID userId() {
        return userId;
    }

    UUID holdingId() {
        return holdingId;
    }
}
