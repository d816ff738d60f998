package org.stockalerts.alerting.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** Rules sorted by a key (a level, an instant): taking every rule in a key range costs O(log n + taken). */
final class Book<K extends Comparable<? super K>> {

    private final TreeMap<K, Map<UUID, StoredRule>> byKey = new TreeMap<>();

    void add(K key, StoredRule rule) {
        byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(rule.ruleId(), rule);
    }

    void remove(K key, UUID ruleId) {
        Map<UUID, StoredRule> rules = byKey.get(key);
        if (rules != null && rules.remove(ruleId) != null && rules.isEmpty()) {
            byKey.remove(key);
        }
    }

    /** Removes and returns the rules whose keys {@code range} selects from the whole map. */
    List<StoredRule> take(
            Function<NavigableMap<K, Map<UUID, StoredRule>>, NavigableMap<K, Map<UUID, StoredRule>>> range) {
        NavigableMap<K, Map<UUID, StoredRule>> selected = range.apply(byKey);
        if (selected.isEmpty()) {
            return List.of();
        }
        List<StoredRule> taken = new ArrayList<>();
        selected.values().forEach(rules -> taken.addAll(rules.values()));
        selected.clear();
        return taken;
    }
}
