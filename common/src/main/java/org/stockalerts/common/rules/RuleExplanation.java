package org.stockalerts.common.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.stockalerts.common.event.AlertReceipt;

/**
 * Why a rule is or is not about to fire, from the engine's state of it and of its symbol ({@link RuleExplainer}).
 *
 * @param ruleId the rule
 * @param revision the rule's revision the engine holds (the API's may be newer while a change is on its way)
 * @param lastValue the value the rule was last compared with: the symbol's last price, or its move for a move rule;
 *     null when none can be known
 * @param lastEvaluatedAt the event time of the symbol's last accepted tick (the bar end of its last signal for a signal
 *     rule); null without one
 * @param state the rule's trigger state: armed, and when it last fired
 * @param reasons why it does or does not fire now, most decisive first; never empty
 * @param explainedAt the engine's clock when it answered
 */
public record RuleExplanation(
        UUID ruleId,
        long revision,
        BigDecimal lastValue,
        Instant lastEvaluatedAt,
        AlertReceipt.TriggerState state,
        List<Reason> reasons,
        Instant explainedAt) {

    /** What the reason codes mean: docs/alerts.md, "Why not". */
    public enum Code {
        /** The condition holds at the last value and the rule is armed: it fires on the next tick in its session. */
        CONDITION_MET,
        /** The condition does not hold at the last value; {@code distance} is how far the value has to go. */
        CONDITION_NOT_MET,
        /**
         * The value cannot be shown: a move against the previous close is measured on each tick against that tick's
         * previous close, which the engine does not keep.
         */
        VALUE_NOT_KEPT,
        /** A re-arming rule fired and waits for the value to leave the zone by its margin ({@code level}). */
        WAITING_REARM,
        /** A cooldown rule fired and may fire again from {@code until}. */
        COOLDOWN,
        /** A once-rule fired: it stays quiet until resumed. */
        TRIGGERED,
        /** The rule is paused. */
        PAUSED,
        /** The rule is snoozed until {@code until}: silent, it neither fires nor re-arms. */
        SNOOZED,
        /** The rule expired at {@code until}. */
        EXPIRED,
        /** The market session the rule listens in is closed now. */
        OUTSIDE_SESSION,
        /**
         * The user's quiet hours are on: the rule fires as usual (in-app and live at once), but what it sends to the
         * user's channels is held until {@code until} and then sent as one digest. Set by the API, from the user's
         * preferences.
         */
        QUIET_HOURS,
        /** The engine has never seen a tick of the symbol. */
        NO_DATA,
        /**
         * The symbol's feed is blind: the market-data poller reported it stale (no ticks while the market is open), its
         * quota spent or the symbol unknown to the provider; or, without such a report, its last tick is older than
         * the engine's stale limit while the market is open. {@code ageSeconds}: how old the last tick is.
         */
        FEED_STALE,
        /**
         * The engine does not hold this revision of the rule yet: the change is on its way (the API's outbox, the
         * rules topic); the other reasons are about the revision it holds, if any. Set by the API.
         */
        PENDING
    }

    /**
     * One reason.
     *
     * @param code what it is
     * @param detail a sentence for people
     * @param level the level that matters: the threshold (or percent), or the re-arm level; null when none does
     * @param distance {@code level} minus the value: for price rules how far the price has to move (positive up,
     *     negative down), for move rules how many percentage points the move in the rule's direction lacks; null when
     *     not about a level
     * @param until when the reason ends (a cooldown's end), or ended (an expiry); null otherwise
     * @param ageSeconds how old the symbol's last tick is, for {@link Code#FEED_STALE}; null otherwise
     */
    public record Reason(
            Code code, String detail, BigDecimal level, BigDecimal distance, Instant until, Long ageSeconds) {

        public static Reason of(Code code, String detail) {
            return new Reason(code, detail, null, null, null, null);
        }
    }
}
