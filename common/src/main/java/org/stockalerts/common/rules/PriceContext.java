package org.stockalerts.common.rules;

import java.math.BigDecimal;
import java.time.Instant;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;

/** A tick seen against what the engine knew of its symbol before it. */
public record PriceContext(PriceTick tick, SymbolState before) {

    public Instant at() {
        return tick.observedAt();
    }

    public BigDecimal price() {
        return tick.price();
    }

    public BigDecimal previousPrice() {
        return before.lastPrice();
    }

    /** The value {@code rule} compares with its level; null when it cannot be known yet. */
    public BigDecimal valueFor(AlertRule rule) {
        return rule.condition().kind() == Condition.Kind.MOVE
                ? move(rule.condition(), rule.reference(), rule.windowMinutes())
                : tick.price();
    }

    /** The previous value for a cross rule, else null. */
    public BigDecimal previousFor(AlertRule rule) {
        return rule.condition().kind() == Condition.Kind.CROSS ? before.lastPrice() : null;
    }

    /** The price a move is measured from: the previous close, or the price {@code windowMinutes} before. */
    public BigDecimal referencePrice(MoveReference reference, Integer windowMinutes) {
        return reference == MoveReference.PREVIOUS_CLOSE
                ? tick.previousClose()
                : before.priceMinutesBefore(tick.observedAt(), windowMinutes);
    }

    /** The move in percent against the reference: up moves positive for MOVES_UP, down moves for MOVES_DOWN. */
    public BigDecimal move(Condition direction, MoveReference reference, Integer windowMinutes) {
        BigDecimal from = referencePrice(reference, windowMinutes);
        BigDecimal change = Decimals.percentChange(from, tick.price());
        if (change == null) {
            return null;
        }
        return direction == Condition.MOVES_UP ? change : change.negate();
    }
}
