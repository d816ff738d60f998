package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.level;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.rules.RuleState;
import org.stockalerts.common.rules.StoredRule;

/** A book keeps one rule per key without a map, and several in the order they came. */
class BookTest {

    private final Book<Integer> book = new Book<>();

    @Test
    void takesTheRulesOfARangeInKeyOrderAndRemovesThem() {
        // Given rules alone at their keys
        StoredRule at10 = rule();
        StoredRule at20 = rule();
        StoredRule at30 = rule();
        book.add(20, at20);
        book.add(30, at30);
        book.add(10, at10);

        // When the keys at or below 20 are taken
        // Then those rules come out lowest key first, and only the rest stays
        assertThat(book.takeAtOrBelow(20)).containsExactly(at10, at20);
        assertThat(book.takeBelow(30)).isEmpty();
        assertThat(book.takeAll()).containsExactly(at30);
        assertThat(book.takeAll()).isEmpty();
    }

    @Test
    void rulesSharingAKeyComeOutInTheOrderTheyWereAdded() {
        // Given three rules at one key, and one of them added again (a changed definition)
        StoredRule first = rule();
        StoredRule second = rule();
        StoredRule third = rule();
        book.add(5, first);
        book.add(5, second);
        book.add(5, third);
        StoredRule secondChanged = new StoredRule(second.rule(), new RuleState(false, null, null));
        book.add(5, secondChanged);

        // Then the key holds each rule once, in the order of first arrival, with the latest definition
        assertThat(book.takeBetween(5, true, 5, true)).containsExactly(first, secondChanged, third);
    }

    @Test
    void removingTheLastRuleOfAKeyEmptiesIt() {
        // Given a key with one rule, a key with two, and a rule added again alone
        StoredRule alone = rule();
        StoredRule shared1 = rule();
        StoredRule shared2 = rule();
        book.add(1, alone);
        book.add(1, alone);
        book.add(2, shared1);
        book.add(2, shared2);

        // When a rule that is not there is removed, nothing changes
        book.remove(1, UUID.randomUUID());
        book.remove(3, alone.ruleId());
        assertThat(book.takeBetween(1, true, 2, true)).containsExactly(alone, shared1, shared2);

        // When the rules are added back and removed one by one
        book.add(1, alone);
        book.add(2, shared1);
        book.add(2, shared2);
        book.remove(1, alone.ruleId());
        book.remove(2, shared1.ruleId());

        // Then the emptied key is gone (the lowest key is now 2) and the other rule is still there
        assertThat(book.takeAtOrBelow(1)).isEmpty();
        assertThat(book.takeAbove(1)).containsExactly(shared2);
        book.add(2, shared1);
        book.remove(2, shared1.ruleId());
        assertThat(book.takeAll()).isEmpty();
    }

    @Test
    void aRangeBeyondEitherEndIsEmpty() {
        book.add(10, rule());
        book.add(20, rule());

        assertThat(book.takeAbove(20)).isEmpty();
        assertThat(book.takeBelow(10)).isEmpty();
        assertThat(book.takeAtOrAbove(20)).hasSize(1);
        assertThat(book.takeAtOrAbove(0)).hasSize(1);
        assertThat(book.takeAll()).isEqualTo(List.of());
    }

    private static StoredRule rule() {
        return StoredRule.fresh(
                level(Condition.PRICE_ABOVE, "100").id(UUID.randomUUID()).build());
    }
}
