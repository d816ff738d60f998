package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Why an alert fired, as the engine saw it at that moment: what the rule compares and with what level, the value it
 * compared and the one before it, the input that fired it and where that came from, when the engine evaluated it
 * and how long after the tick was published, the rule's revision, and its trigger state before and after. Part of
 * {@link AlertTriggered}, so the alert list, the live stream, webhooks and e-mails carry it (docs/alerts.md,
 * "Receipts").
 *
 * @param threshold the level of price, cross and portfolio rules; null for move and signal rules
 * @param percent the move in percent a move rule waits for; null for the others
 * @param reference what a move rule measures from; null for the others
 * @param windowMinutes the window of a move rule measured against the price minutes before; null otherwise
 * @param signal the signal a signal rule waits for; null for the others
 * @param observedValue the value compared with the level: the price, the move in percent, the portfolio value or
 *     the closing price of the bar whose signal turned
 * @param previousValue the symbol's price before this tick (price and cross rules); null when there was none, and
 *     for the other rules
 * @param referencePrice the price a move rule measured its move from (the previous close, or the price {@code
 *     windowMinutes} before); null for the other rules
 * @param sourceEventId the event that fired the rule: a tick, an analytics update or a holding change
 * @param source where the tick came from; null when no tick fired the rule (a signal, a holding change)
 * @param observedAt event time of that input
 * @param evaluatedAt when the engine evaluated the rule against it
 * @param latencyMillis from the tick's publication to {@code evaluatedAt}; null without a tick
 * @param ruleRevision the revision of the rule that fired
 * @param before the rule's trigger state before this input
 * @param after its trigger state after firing
 * @param catchUp true when the input was a price a blind feed's gap hid, evaluated when the feed came back ({@link
 *     FeedStatusChanged#catchUp()}): the alert fired late, and {@code observedAt} is when that price (about) traded
 */
public record AlertReceipt(
        Condition condition,
        BigDecimal threshold,
        BigDecimal percent,
        MoveReference reference,
        Integer windowMinutes,
        Signal signal,
        BigDecimal observedValue,
        BigDecimal previousValue,
        BigDecimal referencePrice,
        UUID sourceEventId,
        TickSource source,
        Instant observedAt,
        Instant evaluatedAt,
        Long latencyMillis,
        long ruleRevision,
        TriggerState before,
        TriggerState after,
        boolean catchUp) {

    /**
     * A rule's trigger state.
     *
     * @param armed whether it may fire: false once a once-rule fired, and while a re-arming rule waits for the value
     *     to leave the zone
     * @param lastFiredAt event time of the input that last fired it; null when it never fired
     */
    public record TriggerState(boolean armed, Instant lastFiredAt) {}
}
