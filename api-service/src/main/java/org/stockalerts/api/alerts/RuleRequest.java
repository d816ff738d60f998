package org.stockalerts.api.alerts;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.market.MarketSession;

/**
 * The body of {@code POST /alerts}, {@code PUT /alerts/{id}} and {@code PATCH /alerts/{id}}.
 * {@code targetPrice} is accepted as an alias of {@code threshold}, and a rule without a condition
 * is a price-above rule.
 *
 * @param userId optional; when present it must be the caller
 * @param windowMinutes at most a week ({@link AlertRule#MAX_WINDOW_MINUTES}), the history the engine keeps
 * @param cooldownSeconds at most {@value #MAX_COOLDOWN_SECONDS} (a leap year), so the end of a
 *     cooldown is always a representable instant
 * @param session the New York market hours the rule is evaluated in: {@code REGULAR}, {@code EXTENDED} or
 *     {@code ANY} (the default)
 */
@Schema(
        example =
                "{\"symbol\": \"AAPL\", \"condition\": \"PRICE_ABOVE\", \"threshold\": 200.00, \"triggerMode\": \"COOLDOWN\","
                        + " \"cooldownSeconds\": 3600, \"channels\": [\"IN_APP\", \"WEBHOOK\"], \"session\": \"REGULAR\"}")
record RuleRequest(
        UUID userId,
        Symbol symbol,
        Condition condition,

        @JsonAlias("targetPrice") @Positive @Digits(integer = 16, fraction = 8)
        BigDecimal threshold,

        @Positive @Digits(integer = 5, fraction = 4) BigDecimal percent,
        MoveReference reference,
        @Positive @Max(AlertRule.MAX_WINDOW_MINUTES) Integer windowMinutes,
        Signal signal,
        TriggerMode triggerMode,
        @Positive @Max(RuleRequest.MAX_COOLDOWN_SECONDS) Long cooldownSeconds,
        @PositiveOrZero @Digits(integer = 16, fraction = 8) BigDecimal rearmMargin,
        Instant expiresAt,
        @Size(max = 7) Set<ChannelType> channels,
        MarketSession session) {

    static final long MAX_COOLDOWN_SECONDS = 366L * 24 * 60 * 60;

    /** The complete new definition; every field the condition does not use must be absent. */
    AlertRule toRule(UUID ruleId, UUID ownerId, RuleStatus status, long revision) {
        Condition effective = condition == null ? Condition.PRICE_ABOVE : condition;
        List<String> misplaced = misplacedFields(effective);
        if (!misplaced.isEmpty()) {
            throw new UnprocessableException("field(s) " + misplaced + " do not apply to condition " + effective);
        }
        TriggerMode mode = triggerMode == null ? TriggerMode.ONCE : triggerMode;
        return build(() -> new AlertRule(
                ruleId,
                ownerId,
                symbol,
                effective,
                threshold,
                percent,
                reference,
                windowMinutes,
                signal,
                mode,
                mode == TriggerMode.COOLDOWN && cooldownSeconds != null ? Duration.ofSeconds(cooldownSeconds) : null,
                mode == TriggerMode.REARM ? rearmMargin : null,
                expiresAt,
                channels,
                status,
                revision,
                session));
    }

    /** {@code existing} with the fields present here replaced; fields the result does not use are dropped. */
    AlertRule patch(AlertRule existing) {
        Condition effective = condition == null ? existing.condition() : condition;
        Condition.Kind kind = effective.kind();
        TriggerMode mode = triggerMode == null ? existing.triggerMode() : triggerMode;
        Duration cooldown = cooldownSeconds == null ? existing.cooldown() : Duration.ofSeconds(cooldownSeconds);
        MoveReference ref = kind == Condition.Kind.MOVE ? or(reference, existing.reference()) : null;
        return build(() -> new AlertRule(
                existing.ruleId(),
                existing.userId(),
                effective.needsSymbol() ? or(symbol, existing.symbol()) : null,
                effective,
                effective.needsThreshold() ? or(threshold, existing.threshold()) : null,
                kind == Condition.Kind.MOVE ? or(percent, existing.percent()) : null,
                ref,
                ref == MoveReference.WINDOW ? or(windowMinutes, existing.windowMinutes()) : null,
                kind == Condition.Kind.SIGNAL ? or(signal, existing.signal()) : null,
                mode,
                mode == TriggerMode.COOLDOWN ? cooldown : null,
                mode == TriggerMode.REARM ? or(rearmMargin, existing.rearmMargin()) : null,
                or(expiresAt, existing.expiresAt()),
                channels == null ? existing.channels() : channels,
                existing.status(),
                existing.revision(),
                or(session, existing.session()),
                existing.snoozedUntil()));
    }

    private List<String> misplacedFields(Condition effective) {
        Condition.Kind kind = effective.kind();
        List<String> misplaced = new ArrayList<>();
        if (symbol != null && !effective.needsSymbol()) {
            misplaced.add("symbol");
        }
        if (threshold != null && !effective.needsThreshold()) {
            misplaced.add("threshold");
        }
        if (kind != Condition.Kind.MOVE && (percent != null || reference != null || windowMinutes != null)) {
            misplaced.add("percent/reference/windowMinutes");
        }
        if (kind != Condition.Kind.SIGNAL && signal != null) {
            misplaced.add("signal");
        }
        return misplaced;
    }

    private static AlertRule build(Supplier<AlertRule> rule) {
        try {
            return rule.get();
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException(e.getMessage());
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
