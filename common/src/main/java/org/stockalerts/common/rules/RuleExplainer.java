package org.stockalerts.common.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.market.MarketCalendar;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.common.rules.RuleExplanation.Code;
import org.stockalerts.common.rules.RuleExplanation.Reason;

/**
 * Explains a symbol rule from the engine's own state of it ({@link StoredRule}) and of its symbol ({@link
 * SymbolState}), with {@link RuleSemantics}: the answer to "why didn't it fire?". The engine serves it ({@code GET
 * /alerts/{id}/explain} through the API); nothing here is recomputed from stored prices.
 */
public final class RuleExplainer {

    private RuleExplainer() {}

    /**
     * Explains {@code stored} at {@code now}. A symbol whose last tick is older than {@code staleAfter} while the
     * regular session is open is {@link Code#FEED_STALE}: a quiet symbol at night is not.
     */
    public static RuleExplanation explain(StoredRule stored, SymbolState symbol, Instant now, Duration staleAfter) {
        return explain(stored, symbol, null, now, staleAfter);
    }

    /**
     * Explains {@code stored} at {@code now}, its symbol's feed blind as {@code blindFeed} says (the market-data
     * poller's last {@link FeedStatusChanged.Status#STALE} event of the symbol; null while the feed works): {@link
     * Code#FEED_STALE} with the poller's reason (no ticks, a spent quota, a symbol the provider does not know), else
     * when the symbol's last tick is older than {@code staleAfter} while the regular session is open.
     */
    public static RuleExplanation explain(
            StoredRule stored, SymbolState symbol, FeedStatusChanged blindFeed, Instant now, Duration staleAfter) {
        AlertRule rule = stored.rule();
        RuleState state = stored.state();
        boolean signal = rule.condition().kind() == Condition.Kind.SIGNAL;
        BigDecimal value = signal ? null : value(rule, symbol);
        List<Reason> reasons = new ArrayList<>();
        status(stored, now, reasons);
        if (blindFeed != null && blindFeed.status() == FeedStatusChanged.Status.STALE) {
            blind(blindFeed, symbol, now, reasons);
        } else {
            data(symbol, now, staleAfter, reasons);
        }
        session(rule, now, reasons);
        trigger(stored, now, value, reasons);
        condition(stored, symbol, value, reasons);
        return new RuleExplanation(
                rule.ruleId(),
                rule.revision(),
                value,
                signal ? symbol.lastSignalBarEnd() : symbol.lastObservedAt(),
                new AlertReceipt.TriggerState(state.armed(), state.lastFiredAt()),
                List.copyOf(reasons),
                now);
    }

    /**
     * Explains portfolio rule {@code stored} at {@code now}: its portfolio was worth {@code value} when the user side
     * of the engine last evaluated it, at {@code evaluatedAt} (null: never); a null {@code value} is unknown (never
     * evaluated, or a held symbol without a price yet).
     */
    public static RuleExplanation explainPortfolio(
            StoredRule stored, BigDecimal value, Instant evaluatedAt, Instant now) {
        AlertRule rule = stored.rule();
        RuleState state = stored.state();
        List<Reason> reasons = new ArrayList<>();
        status(stored, now, reasons);
        if (value == null) {
            reasons.add(Reason.of(
                    Code.NO_DATA,
                    "the portfolio's value is not known: no price or holding change has reached the rule yet, or a"
                            + " held symbol has no price yet"));
        }
        session(rule, now, reasons);
        trigger(stored, now, value, reasons);
        if (value != null) {
            level(stored, value, reasons);
        }
        return new RuleExplanation(
                rule.ruleId(),
                rule.revision(),
                value,
                evaluatedAt,
                new AlertReceipt.TriggerState(state.armed(), state.lastFiredAt()),
                List.copyOf(reasons),
                now);
    }

    private static void session(AlertRule rule, Instant now, List<Reason> reasons) {
        if (!rule.inSessionAt(now)) {
            reasons.add(Reason.of(
                    Code.OUTSIDE_SESSION,
                    "the rule listens in the %s session, which is closed now (New York time)"
                            .formatted(rule.session())));
        }
    }

    private static void status(StoredRule stored, Instant now, List<Reason> reasons) {
        AlertRule rule = stored.rule();
        if (rule.status() == RuleStatus.PAUSED) {
            reasons.add(Reason.of(Code.PAUSED, "the rule is paused: resume it to evaluate it again"));
        }
        if (rule.status() == RuleStatus.TRIGGERED
                || (rule.triggerMode() == TriggerMode.ONCE && !stored.state().armed())) {
            reasons.add(Reason.of(Code.TRIGGERED, "the once-rule fired: resume it to arm it again"));
        }
        if (rule.isSnoozedAt(now)) {
            reasons.add(new Reason(Code.SNOOZED, "the rule is snoozed", null, null, rule.snoozedUntil(), null));
        }
        if (rule.expiresAt() != null && !now.isBefore(rule.expiresAt())) {
            reasons.add(new Reason(Code.EXPIRED, "the rule expired", null, null, rule.expiresAt(), null));
        }
    }

    private static void blind(FeedStatusChanged feed, SymbolState symbol, Instant now, List<Reason> reasons) {
        Instant last = symbol.lastObservedAt() != null ? symbol.lastObservedAt() : feed.lastTickAt();
        Long age = last == null ? null : Duration.between(last, now).toSeconds();
        String why = switch (feed.problem()) {
            case NO_TICKS ->
                "the market-data provider has sent nothing for this symbol since %s while the market is open"
                        .formatted(last);
            case QUOTA_EXHAUSTED ->
                "the market-data provider's request quota is spent (since %s): no prices until it resets"
                        .formatted(feed.since());
            case UNKNOWN_SYMBOL ->
                "the market-data provider does not know this symbol (since %s)".formatted(feed.since());
        };
        reasons.add(new Reason(
                Code.FEED_STALE,
                why + "; the rule is evaluated again, and caught up, when data returns",
                null,
                null,
                null,
                age));
    }

    private static void data(SymbolState symbol, Instant now, Duration staleAfter, List<Reason> reasons) {
        if (symbol.lastObservedAt() == null) {
            reasons.add(Reason.of(Code.NO_DATA, "the engine has never received a tick of this symbol"));
            return;
        }
        Duration age = Duration.between(symbol.lastObservedAt(), now);
        if (age.compareTo(staleAfter) > 0 && MarketCalendar.NYSE.isOpen(MarketSession.REGULAR, now)) {
            reasons.add(new Reason(
                    Code.FEED_STALE,
                    "no tick for %d s while the market is open: the feed may be down".formatted(age.toSeconds()),
                    null,
                    null,
                    null,
                    age.toSeconds()));
        }
    }

    private static void trigger(StoredRule stored, Instant now, BigDecimal value, List<Reason> reasons) {
        AlertRule rule = stored.rule();
        Instant until = stored.cooldownUntil();
        if (rule.triggerMode() == TriggerMode.COOLDOWN && until != null && now.isBefore(until)) {
            reasons.add(new Reason(Code.COOLDOWN, "the rule fired and cools down", null, null, until, null));
        }
        if (rule.triggerMode() == TriggerMode.REARM
                && !stored.state().armed()
                && rule.condition().kind() != Condition.Kind.SIGNAL) {
            BigDecimal level = RuleSemantics.rearmLevel(rule);
            String side = RuleSemantics.upward(rule.condition()) ? "below" : "above";
            reasons.add(new Reason(
                    Code.WAITING_REARM,
                    "the rule fired and re-arms once the value is %s %s".formatted(side, level.toPlainString()),
                    level,
                    value == null ? null : level.subtract(value),
                    null,
                    null));
        }
    }

    private static void condition(StoredRule stored, SymbolState symbol, BigDecimal value, List<Reason> reasons) {
        AlertRule rule = stored.rule();
        if (rule.condition().kind() == Condition.Kind.SIGNAL) {
            reasons.add(Reason.of(
                    Code.CONDITION_NOT_MET,
                    "the rule fires when the SMA5/SMA20 signal turns %s".formatted(rule.signal())));
            return;
        }
        BigDecimal level = RuleSemantics.level(rule);
        if (value == null) {
            if (symbol.lastObservedAt() == null) {
                return;
            }
            if (rule.reference() == MoveReference.PREVIOUS_CLOSE) {
                reasons.add(new Reason(
                        Code.VALUE_NOT_KEPT,
                        "the move against the previous close is measured on each tick against that tick's previous"
                                + " close, which the engine does not keep",
                        level,
                        null,
                        null,
                        null));
            } else {
                reasons.add(new Reason(
                        Code.CONDITION_NOT_MET,
                        "the engine holds no price %d minutes before the last tick".formatted(rule.windowMinutes()),
                        level,
                        null,
                        null,
                        null));
            }
            return;
        }
        level(stored, value, reasons);
    }

    /** CONDITION_MET or CONDITION_NOT_MET for a known {@code value}. */
    private static void level(StoredRule stored, BigDecimal value, List<Reason> reasons) {
        AlertRule rule = stored.rule();
        BigDecimal level = RuleSemantics.level(rule);
        boolean cross = rule.condition().kind() == Condition.Kind.CROSS;
        boolean holds = !cross && RuleSemantics.holds(rule, value, null);
        if (holds && stored.state().armed() && reasons.isEmpty()) {
            reasons.add(new Reason(
                    Code.CONDITION_MET,
                    "the condition holds at the last value: the rule fires on the next tick",
                    level,
                    BigDecimal.ZERO,
                    null,
                    null));
        } else if (!holds) {
            reasons.add(new Reason(
                    Code.CONDITION_NOT_MET, notMet(rule, value, level), level, level.subtract(value), null, null));
        }
    }

    private static String notMet(AlertRule rule, BigDecimal value, BigDecimal level) {
        boolean move = rule.condition().kind() == Condition.Kind.MOVE;
        String now = (move ? value.setScale(2, RoundingMode.HALF_UP) : value).toPlainString();
        String at = level.toPlainString();
        return switch (rule.condition()) {
            case CROSSES_UP ->
                value.compareTo(level) < 0
                        ? "the price %s has to cross up through %s".formatted(now, at)
                        : "the price %s is at or above %s: a cross up needs it below first".formatted(now, at);
            case CROSSES_DOWN ->
                value.compareTo(level) > 0
                        ? "the price %s has to cross down through %s".formatted(now, at)
                        : "the price %s is at or below %s: a cross down needs it above first".formatted(now, at);
            case MOVES_UP, MOVES_DOWN -> "the move is %s %%, the rule needs %s %%".formatted(now, at);
            case PORTFOLIO_VALUE_ABOVE, PORTFOLIO_VALUE_BELOW ->
                "the portfolio's value %s is not yet %s %s"
                        .formatted(
                                now,
                                rule.condition() == Condition.PORTFOLIO_VALUE_ABOVE ? "at or above" : "at or below",
                                at);
            default ->
                "the price %s is not yet %s %s"
                        .formatted(now, RuleSemantics.upward(rule.condition()) ? "at or above" : "at or below", at);
        };
    }

    /** The value the rule compared last: the last price, or the move to it. */
    private static BigDecimal value(AlertRule rule, SymbolState symbol) {
        if (symbol.lastPrice() == null) {
            return null;
        }
        if (rule.condition().kind() != Condition.Kind.MOVE) {
            return symbol.lastPrice();
        }
        if (rule.reference() != MoveReference.WINDOW) {
            return null;
        }
        BigDecimal change = Decimals.percentChange(
                symbol.priceMinutesBefore(symbol.lastObservedAt(), rule.windowMinutes()), symbol.lastPrice());
        return change == null || rule.condition() == Condition.MOVES_UP ? change : change.negate();
    }
}
