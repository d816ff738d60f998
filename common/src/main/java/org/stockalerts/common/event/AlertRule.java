package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.common.market.MarketCalendar;
import org.stockalerts.common.market.MarketSession;

/**
 * The definition of one alert rule, as the API stores it and the alert engine evaluates it.
 *
 * @param symbol the watched symbol; null only for portfolio rules
 * @param threshold the level for level, cross and portfolio rules
 * @param percent the move in percent for move rules (e.g. 5 for 5 %)
 * @param reference what a move rule compares against
 * @param windowMinutes the look-back of a {@link MoveReference#WINDOW} move rule
 * @param signal the signal a signal rule waits for
 * @param cooldown the minimum time between two firings in {@link TriggerMode#COOLDOWN}
 * @param rearmMargin how far (absolute, in price or value units) the value must leave the zone
 *     before a {@link TriggerMode#REARM} rule fires again
 * @param expiresAt after this instant the rule never fires; null for no expiry
 * @param revision increases with every change, so a consumer can drop stale definitions
 * @param session the New York market hours the rule is evaluated in ({@link MarketCalendar}); an input
 *     observed outside them does not evaluate it. Null reads as {@link MarketSession#ANY}, as in rules
 *     written before sessions
 * @param snoozedUntil until this instant the rule is silent: an input observed before it neither fires nor re-arms
 *     the rule (as outside its session), and the first one at or after it is evaluated as usual; null when not
 *     snoozed
 */
public record AlertRule(
        UUID ruleId,
        UUID userId,
        Symbol symbol,
        Condition condition,
        BigDecimal threshold,
        BigDecimal percent,
        MoveReference reference,
        Integer windowMinutes,
        Signal signal,
        TriggerMode triggerMode,
        Duration cooldown,
        BigDecimal rearmMargin,
        Instant expiresAt,
        Set<ChannelType> channels,
        RuleStatus status,
        long revision,
        MarketSession session,
        Instant snoozedUntil) {

    /**
     * The longest look-back of a window move rule, a week: the API refuses longer windows, and the
     * engine refuses a longer one that arrives anyway (from an older API or written by hand),
     * because it keeps one price per minute of the longest window of each symbol.
     */
    public static final int MAX_WINDOW_MINUTES = 7 * 24 * 60;

    /** A rule that is not snoozed. */
    public AlertRule(
            UUID ruleId,
            UUID userId,
            Symbol symbol,
            Condition condition,
            BigDecimal threshold,
            BigDecimal percent,
            MoveReference reference,
            Integer windowMinutes,
            Signal signal,
            TriggerMode triggerMode,
            Duration cooldown,
            BigDecimal rearmMargin,
            Instant expiresAt,
            Set<ChannelType> channels,
            RuleStatus status,
            long revision,
            MarketSession session) {
        this(
                ruleId,
                userId,
                symbol,
                condition,
                threshold,
                percent,
                reference,
                windowMinutes,
                signal,
                triggerMode,
                cooldown,
                rearmMargin,
                expiresAt,
                channels,
                status,
                revision,
                session,
                null);
    }

    public AlertRule {
        session = session == null ? MarketSession.ANY : session;
        Require.allPresent(
                "ruleId, userId, condition, triggerMode, status", ruleId, userId, condition, triggerMode, status);
        channels = ChannelSets.of(channels == null || channels.isEmpty() ? Set.of(ChannelType.IN_APP) : channels);
        if (condition.needsSymbol()) {
            Require.present(symbol, "symbol");
        }
        if (condition.needsThreshold()) {
            Require.positive(threshold, "threshold");
        }
        if (condition.kind() == Condition.Kind.MOVE) {
            Require.positive(percent, "percent");
            Require.present(reference, "reference");
            if (reference == MoveReference.WINDOW && (windowMinutes == null || windowMinutes <= 0)) {
                throw new IllegalArgumentException("field 'windowMinutes' must be positive for a window move rule");
            }
        }
        if (condition.kind() == Condition.Kind.SIGNAL) {
            Require.present(signal, "signal");
        }
        if (triggerMode == TriggerMode.COOLDOWN && (cooldown == null || cooldown.isNegative() || cooldown.isZero())) {
            throw new IllegalArgumentException("field 'cooldown' must be positive for trigger mode COOLDOWN");
        }
        if (triggerMode == TriggerMode.REARM) {
            Require.present(rearmMargin, "rearmMargin");
            Require.notNegative(rearmMargin, "rearmMargin");
        }
    }

    /** Whether an input observed at {@code at} falls in the rule's market session (the NYSE calendar). */
    public boolean inSessionAt(Instant at) {
        return MarketCalendar.NYSE.isOpen(session, at);
    }

    /** Whether the rule is snoozed at {@code at}: an input observed then does not evaluate it. */
    public boolean isSnoozedAt(Instant at) {
        return snoozedUntil != null && at.isBefore(snoozedUntil);
    }

    /** This rule snoozed until {@code until} (null: not snoozed), all else the same. */
    public AlertRule withSnoozedUntil(Instant until) {
        return new AlertRule(
                ruleId,
                userId,
                symbol,
                condition,
                threshold,
                percent,
                reference,
                windowMinutes,
                signal,
                triggerMode,
                cooldown,
                rearmMargin,
                expiresAt,
                channels,
                status,
                revision,
                session,
                until);
    }

    /** Whether the rule may fire at {@code now}: active and not expired (a snoozed rule is live, and silent). */
    public boolean isLiveAt(Instant now) {
        return status == RuleStatus.ACTIVE && (expiresAt == null || now.isBefore(expiresAt));
    }
}
