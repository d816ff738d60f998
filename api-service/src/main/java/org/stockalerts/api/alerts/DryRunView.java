package org.stockalerts.api.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.Symbol;

/**
 * What a dry run found: the alerts the rule would have fired over the stored ticks of {@code [from, to)}.
 *
 * @param ruleId the rule's id: the caller's rule named by {@code alertId}, else a new id that no stored rule has
 * @param ticksExamined the stored ticks the rule was evaluated against (a tick at the same instant as the one before it
 *     is skipped, as the engine skips it)
 * @param firstTickAt the first examined tick's time; null when there was none
 * @param lastTickAt the last examined tick's time; null when there was none
 * @param alerts the alerts it would have fired, oldest first
 * @param after the rule's trigger state after the last examined tick
 */
record DryRunView(
        UUID ruleId,
        Symbol symbol,
        Condition condition,
        Instant from,
        Instant to,
        long ticksExamined,
        Instant firstTickAt,
        Instant lastTickAt,
        List<DryRunAlert> alerts,
        AlertReceipt.TriggerState after) {

    /**
     * One alert the rule would have fired.
     *
     * @param alertId the id the live engine gives the alert of this rule on this tick
     * @param price the tick's price
     * @param receipt why it would have fired; its {@code evaluatedAt} and {@code latencyMillis} are null
     */
    record DryRunAlert(
            UUID alertId,
            UUID sourceEventId,
            Instant observedAt,
            BigDecimal price,
            String message,
            AlertReceipt receipt) {

        static DryRunAlert of(AlertTriggered alert) {
            return new DryRunAlert(
                    alert.alertId(),
                    alert.sourceEventId(),
                    alert.observedAt(),
                    alert.observedValue(),
                    alert.message(),
                    alert.receipt());
        }
    }
}
