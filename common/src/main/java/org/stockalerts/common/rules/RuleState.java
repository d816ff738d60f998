package org.stockalerts.common.rules;

import java.time.Instant;
import java.util.UUID;

/**
 * The engine's runtime state of one rule, kept next to its definition in a changelogged store.
 *
 * @param armed whether the rule may fire: false after a ONCE rule fired (it is then triggered for
 *     good) and after a REARM rule fired until the value has left the zone by the margin
 * @param lastFiredAt event time of the input that last fired the rule; a COOLDOWN rule fires again
 *     only at or after {@code lastFiredAt + cooldown}
 * @param lastSourceEventId the input event that last fired the rule: one input never fires a rule twice
 */
public record RuleState(boolean armed, Instant lastFiredAt, UUID lastSourceEventId) {

    /** A rule that has never fired. */
    public static final RuleState INITIAL = new RuleState(true, null, null);

    public RuleState fired(boolean stillArmed, Instant at, UUID sourceEventId) {
        return new RuleState(stillArmed, at, sourceEventId);
    }

    public RuleState rearmed() {
        return new RuleState(true, lastFiredAt, lastSourceEventId);
    }
}
