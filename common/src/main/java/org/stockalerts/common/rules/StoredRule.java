package org.stockalerts.common.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.RuleStatus;

/**
 * A rule definition and its runtime state: the value of the engine's rule stores.
 *
 * @param traceparent the trace context of the rule's last change (the request that made it, through the
 *     outbox): the alerts it fires continue that trace. Null for a rule changed outside a trace, and for
 *     the rules stored before it was kept.
 */
public record StoredRule(AlertRule rule, RuleState state, String traceparent) {

    /** A rule changed outside any trace. */
    public StoredRule(AlertRule rule, RuleState state) {
        this(rule, state, null);
    }

    public StoredRule {
        Objects.requireNonNull(rule, "rule");
        // one shared object for every rule that has not fired: a restart reads each rule's state back
        state = state == null || state.equals(RuleState.INITIAL) ? RuleState.INITIAL : state;
    }

    public static StoredRule fresh(AlertRule rule) {
        return fresh(rule, null);
    }

    public static StoredRule fresh(AlertRule rule, String traceparent) {
        return new StoredRule(rule, RuleState.INITIAL, traceparent);
    }

    public UUID ruleId() {
        return rule.ruleId();
    }

    /** The cooldown ends at this instant; null when the rule has no running cooldown. */
    public Instant cooldownUntil() {
        return state.lastFiredAt() == null || rule.cooldown() == null
                ? null
                : state.lastFiredAt().plus(rule.cooldown());
    }

    public StoredRule with(RuleState newState) {
        return new StoredRule(rule, newState, traceparent);
    }

    /**
     * The stored rule after {@code changed} replaced this definition: the runtime state survives
     * changes that do not touch what the rule watches or how it fires (channels, expiry), and starts
     * afresh otherwise, or when the rule becomes active again after a pause or a trigger. The change's
     * {@code traceparent} replaces the stored one.
     */
    public StoredRule replacedBy(AlertRule changed, String changeTrace) {
        return startsAfresh(rule, changed) ? fresh(changed, changeTrace) : new StoredRule(changed, state, changeTrace);
    }

    /**
     * Whether the engine starts a rule's runtime state afresh when {@code changed} replaces {@code current}: when
     * what it watches or how it fires changes, or when it becomes active again. The API keeps the revision where
     * this last happened, so it knows which alerts of a once-rule still describe the engine's state.
     */
    public static boolean startsAfresh(AlertRule current, AlertRule changed) {
        boolean reactivated = current.status() != RuleStatus.ACTIVE && changed.status() == RuleStatus.ACTIVE;
        return reactivated || !sameEvaluation(current, changed);
    }

    private static boolean sameEvaluation(AlertRule a, AlertRule b) {
        return Objects.equals(a.symbol(), b.symbol())
                && a.condition() == b.condition()
                && Decimals.same(a.threshold(), b.threshold())
                && Decimals.same(a.percent(), b.percent())
                && a.reference() == b.reference()
                && Objects.equals(a.windowMinutes(), b.windowMinutes())
                && a.signal() == b.signal()
                && a.triggerMode() == b.triggerMode()
                && Objects.equals(a.cooldown(), b.cooldown())
                && Decimals.same(a.rearmMargin(), b.rearmMargin())
                && a.session() == b.session();
    }
}
