package org.stockalerts.faults;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The oracle's verdict on one sink: of the alertIds (or tick ids) expected, how many never arrived
 * (lost), how many extra copies arrived (duplicates: an id seen three times counts two), and how
 * many arrived that were not expected (unexpected); ids in {@code ignored} (fired by the warm-up)
 * are left out of all three.
 */
record SinkCheck(String sink, int expected, int lost, int duplicates, int unexpected) {

    static SinkCheck of(String sink, Set<UUID> expected, Map<UUID, Integer> observed, Set<UUID> ignored) {
        int lost = 0;
        for (UUID id : expected) {
            if (!observed.containsKey(id)) {
                lost++;
            }
        }
        int duplicates = 0;
        int unexpected = 0;
        for (Map.Entry<UUID, Integer> seen : observed.entrySet()) {
            if (ignored.contains(seen.getKey())) {
                continue;
            }
            if (expected.contains(seen.getKey())) {
                duplicates += seen.getValue() - 1;
            } else {
                unexpected++;
            }
        }
        return new SinkCheck(sink, expected.size(), lost, duplicates, unexpected);
    }

    /** This check's counts and {@code other}'s added up, under this check's sink (clients of one sink, S1). */
    SinkCheck plus(SinkCheck other) {
        return new SinkCheck(
                sink,
                expected + other.expected,
                lost + other.lost,
                duplicates + other.duplicates,
                unexpected + other.unexpected);
    }

    /** No loss, no duplicate, nothing unexpected. */
    boolean exact() {
        return lost == 0 && duplicates == 0 && unexpected == 0;
    }

    /** Duplicates as a percentage of the expected ids (0 when none were expected). */
    double duplicatePercent() {
        return expected == 0 ? 0 : 100.0 * duplicates / expected;
    }
}
