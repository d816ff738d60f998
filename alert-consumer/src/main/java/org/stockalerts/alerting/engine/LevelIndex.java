package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.rules.RuleSemantics;
import org.stockalerts.common.rules.StoredRule;

/**
 * The rules of one symbol that compare one value (the price, or one kind of percent move) with a
 * level, armed ones sorted by level and disarmed REARM ones by re-arm level, so that a new value
 * finds exactly the rules that fire or re-arm in O(log n + found).
 */
final class LevelIndex {

    private final Book<BigDecimal> firesAtOrAbove = new Book<>();
    private final Book<BigDecimal> firesAtOrBelow = new Book<>();
    private final Book<BigDecimal> crossesUp = new Book<>();
    private final Book<BigDecimal> crossesDown = new Book<>();
    private final Book<BigDecimal> rearmsBelow = new Book<>();
    private final Book<BigDecimal> rearmsAbove = new Book<>();

    /** Places an armed rule; returns where, for its removal. */
    Placement placeArmed(StoredRule stored) {
        AlertRule rule = stored.rule();
        BigDecimal level = RuleSemantics.level(rule);
        Book<BigDecimal> book = armedBook(rule.condition());
        book.add(level, stored);
        return new Placement(book, level);
    }

    /** Places a disarmed REARM rule waiting for the value to leave the zone. */
    Placement placeWaiting(StoredRule stored) {
        BigDecimal rearmLevel = RuleSemantics.rearmLevel(stored.rule());
        Book<BigDecimal> book = RuleSemantics.upward(stored.rule().condition()) ? rearmsBelow : rearmsAbove;
        book.add(rearmLevel, stored);
        return new Placement(book, rearmLevel);
    }

    /** Takes out the armed rules whose condition holds for {@code value} after {@code previous}. */
    List<StoredRule> takeHolding(BigDecimal value, BigDecimal previous) {
        List<StoredRule> taken = new ArrayList<>(firesAtOrAbove.takeAtOrBelow(value));
        taken.addAll(firesAtOrBelow.takeAtOrAbove(value));
        if (previous != null && previous.compareTo(value) < 0) {
            taken.addAll(crossesUp.takeBetween(previous, false, value, true));
        }
        if (previous != null && previous.compareTo(value) > 0) {
            taken.addAll(crossesDown.takeBetween(value, true, previous, false));
        }
        return taken;
    }

    /** Takes out the waiting rules that {@code value} re-arms. */
    List<StoredRule> takeRearming(BigDecimal value) {
        List<StoredRule> taken = new ArrayList<>(rearmsBelow.takeAbove(value));
        taken.addAll(rearmsAbove.takeBelow(value));
        return taken;
    }

    // firesAtOrAbove: value at or above the level, i.e. levels at or below the value
    private Book<BigDecimal> armedBook(Condition condition) {
        return switch (condition) {
            case CROSSES_UP -> crossesUp;
            case CROSSES_DOWN -> crossesDown;
            default -> RuleSemantics.upward(condition) ? firesAtOrAbove : firesAtOrBelow;
        };
    }
}
