package org.stockalerts.alerting.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.stockalerts.common.rules.StoredRule;

/**
 * Rules sorted by a key (a level, an instant): taking every rule in a key range costs O(log n +
 * taken), and finding that a range is empty, the common case on a tick, O(1) when the range lies
 * beyond the lowest or highest key, which the book keeps at hand.
 *
 * <p>Rules that share a key come out in the order they were added. Most keys hold one rule (a
 * threshold of its own), so a key's value is that {@link StoredRule} itself, and only a key shared by
 * several rules gets a map of them by id: a map per key cost about 180 bytes per rule, a third of
 * the engine's heap with a million rules.
 */
final class Book<K extends Comparable<? super K>> {

    /** Each key's rule: a {@link StoredRule}, or a {@code LinkedHashMap<UUID, StoredRule>} when shared. */
    private final TreeMap<K, Object> byKey = new TreeMap<>();

    private K lowest;
    private K highest;

    void add(K key, StoredRule rule) {
        byKey.merge(key, rule, (present, added) -> {
            if (present instanceof StoredRule single) {
                if (single.ruleId().equals(rule.ruleId())) {
                    return rule;
                }
                Map<UUID, StoredRule> shared = new LinkedHashMap<>();
                shared.put(single.ruleId(), single);
                shared.put(rule.ruleId(), rule);
                return shared;
            }
            rules(present).put(rule.ruleId(), rule);
            return present;
        });
        if (lowest == null || key.compareTo(lowest) < 0) {
            lowest = key;
        }
        if (highest == null || key.compareTo(highest) > 0) {
            highest = key;
        }
    }

    void remove(K key, UUID ruleId) {
        Object present = byKey.get(key);
        boolean keyEmptied = present instanceof StoredRule single
                ? single.ruleId().equals(ruleId)
                : present != null
                        && rules(present).remove(ruleId) != null
                        && rules(present).isEmpty();
        if (keyEmptied) {
            byKey.remove(key);
            boundsChanged();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, StoredRule> rules(Object shared) {
        return (Map<UUID, StoredRule>) shared;
    }

    /** Removes and returns every rule. */
    List<StoredRule> takeAll() {
        return take(null, false, null, false);
    }

    /** Removes and returns the rules keyed at or below {@code key}. */
    List<StoredRule> takeAtOrBelow(K key) {
        return take(null, false, key, true);
    }

    /** Removes and returns the rules keyed below {@code key}. */
    List<StoredRule> takeBelow(K key) {
        return take(null, false, key, false);
    }

    /** Removes and returns the rules keyed at or above {@code key}. */
    List<StoredRule> takeAtOrAbove(K key) {
        return take(key, true, null, false);
    }

    /** Removes and returns the rules keyed above {@code key}. */
    List<StoredRule> takeAbove(K key) {
        return take(key, false, null, false);
    }

    /** Removes and returns the rules keyed between {@code from} and {@code to}. */
    List<StoredRule> takeBetween(K from, boolean fromInclusive, K to, boolean toInclusive) {
        return take(from, fromInclusive, to, toInclusive);
    }

    /** A null bound is open. */
    private List<StoredRule> take(K from, boolean fromInclusive, K to, boolean toInclusive) {
        if (lowest == null || !withinUpper(lowest, to, toInclusive) || !withinLower(highest, from, fromInclusive)) {
            return List.of();
        }
        Map.Entry<K, Object> entry =
                from == null ? byKey.firstEntry() : fromInclusive ? byKey.ceilingEntry(from) : byKey.higherEntry(from);
        if (entry == null || !withinUpper(entry.getKey(), to, toInclusive)) {
            return List.of();
        }
        List<StoredRule> taken = new ArrayList<>();
        while (entry != null && withinUpper(entry.getKey(), to, toInclusive)) {
            if (entry.getValue() instanceof StoredRule single) {
                taken.add(single);
            } else {
                taken.addAll(rules(entry.getValue()).values());
            }
            byKey.remove(entry.getKey());
            entry = byKey.higherEntry(entry.getKey());
        }
        boundsChanged();
        return taken;
    }

    private boolean withinUpper(K key, K to, boolean inclusive) {
        if (to == null) {
            return true;
        }
        int order = key.compareTo(to);
        return inclusive ? order <= 0 : order < 0;
    }

    private boolean withinLower(K key, K from, boolean inclusive) {
        if (from == null) {
            return true;
        }
        int order = key.compareTo(from);
        return inclusive ? order >= 0 : order > 0;
    }

    private void boundsChanged() {
        lowest = byKey.isEmpty() ? null : byKey.firstKey();
        highest = byKey.isEmpty() ? null : byKey.lastKey();
    }
}
