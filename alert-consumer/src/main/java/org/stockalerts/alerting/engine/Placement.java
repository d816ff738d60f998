package org.stockalerts.alerting.engine;

import java.util.UUID;

/** Where the index placed a rule: the book and the key, so the rule can be taken out again. */
record Placement(Book<?> book, Object key) {

    @SuppressWarnings({"unchecked", "rawtypes"})
    void remove(UUID ruleId) {
        ((Book) book).remove((Comparable) key, ruleId);
    }
}
