package org.stockalerts.api.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.preferences.DeliveryPreferences;
import org.stockalerts.common.rules.RuleExplanation;
import org.stockalerts.common.rules.RuleExplanation.Code;
import org.stockalerts.common.rules.RuleExplanation.Reason;

/**
 * The answer of {@code GET /alerts/{id}/explain}: the rule's status as the API shows it, and the engine's
 * explanation ({@link RuleExplanation}) of the revision it holds.
 *
 * @param revision the rule's revision in the API
 * @param engineRevision the revision the engine holds; null when it holds none yet
 */
record ExplainView(
        UUID ruleId,
        RuleStatus status,
        long revision,
        Long engineRevision,
        BigDecimal lastValue,
        Instant lastEvaluatedAt,
        AlertReceipt.TriggerState state,
        List<Reason> reasons,
        Instant explainedAt) {

    static ExplainView of(RuleView rule, Optional<RuleExplanation> engine, Instant now) {
        return of(rule, engine, DeliveryPreferences.NONE, now);
    }

    /**
     * The view of {@code rule}, with {@code QUIET_HOURS} among its reasons when {@code preferences}' quiet hours are on
     * at {@code now} and the rule sends to channels they hold (webhook, e-mail).
     */
    static ExplainView of(
            RuleView rule, Optional<RuleExplanation> engine, DeliveryPreferences preferences, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        Long engineRevision = engine.map(RuleExplanation::revision).orElse(null);
        if (engineRevision == null || engineRevision < rule.revision()) {
            reasons.add(Reason.of(
                    Code.PENDING,
                    "the alert engine does not hold revision %d of the rule yet: the change is on its way"
                            .formatted(rule.revision())));
        }
        engine.ifPresent(explanation -> reasons.addAll(explanation.reasons()));
        Optional<Instant> quietUntil = preferences.quietUntil(now);
        if (quietUntil.isPresent() && rule.channels().stream().anyMatch(ChannelType::deliveredOut)) {
            reasons.add(new Reason(
                    Code.QUIET_HOURS,
                    "your quiet hours are on: alerts reach the in-app history at once, and what they send to your"
                            + " channels is held and sent as one digest when the quiet hours end",
                    null,
                    null,
                    quietUntil.get(),
                    null));
        }
        return new ExplainView(
                rule.id(),
                rule.status(),
                rule.revision(),
                engineRevision,
                engine.map(RuleExplanation::lastValue).orElse(null),
                engine.map(RuleExplanation::lastEvaluatedAt).orElse(null),
                engine.map(RuleExplanation::state).orElse(null),
                List.copyOf(reasons),
                engine.map(RuleExplanation::explainedAt).orElse(now));
    }
}
