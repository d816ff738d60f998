package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A mutable draft of an {@link AlertRule} for tests: it starts as a valid "AAPL above 200.00, fire
 * once" rule, a test changes the fields it is about and then builds it.
 */
public final class RuleDraft {

    public UUID ruleId = UUID.fromString("00000000-0000-7000-8000-0000000000bb");
    public UUID userId = EventSamples.USER;
    public Symbol symbol = Symbol.of("AAPL");
    public Condition condition = Condition.PRICE_ABOVE;
    public BigDecimal threshold = new BigDecimal("200.00");
    public BigDecimal percent;
    public MoveReference reference;
    public Integer windowMinutes;
    public Signal signal;
    public TriggerMode triggerMode = TriggerMode.ONCE;
    public Duration cooldown;
    public BigDecimal rearmMargin;
    public Instant expiresAt;
    public Set<ChannelType> channels;
    public RuleStatus status = RuleStatus.ACTIVE;
    public long revision = 1;

    /** A valid draft of a rule of {@code condition}, with just the parameters that condition needs. */
    public static RuleDraft of(Condition condition) {
        RuleDraft draft = new RuleDraft();
        draft.condition = condition;
        draft.threshold = null;
        switch (condition.kind()) {
            case LEVEL, CROSS -> draft.threshold = new BigDecimal("200.00");
            case MOVE -> {
                draft.percent = new BigDecimal("2.5");
                draft.reference = MoveReference.WINDOW;
                draft.windowMinutes = 30;
            }
            case SIGNAL -> draft.signal = Signal.BULLISH;
            case PORTFOLIO -> {
                draft.symbol = null;
                draft.threshold = new BigDecimal("100000.00");
            }
        }
        return draft;
    }

    public AlertRule build() {
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
                revision);
    }
}
