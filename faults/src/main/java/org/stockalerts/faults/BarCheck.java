package org.stockalerts.faults;

import java.util.Map;

/**
 * The oracle's verdict on one sink of bars: of the bars the analytics topology publishes over the
 * acknowledged ticks (latest revision of each), how many the sink lacks (missing), how many it holds
 * with other values (different), and how many it holds that the oracle has not (unexpected). Bars
 * the oracle cannot decide ({@link ExpectedBars#settled}) are left out of all four.
 */
record BarCheck(String sink, int expected, int missing, int different, int unexpected) {

    static BarCheck of(String sink, ExpectedBars oracle, Map<BarOutcome.Key, BarOutcome> observed) {
        int expected = 0;
        int missing = 0;
        int different = 0;
        for (Map.Entry<BarOutcome.Key, BarOutcome> bar : oracle.bars().entrySet()) {
            if (!oracle.settled(bar.getKey(), bar.getValue())) {
                continue;
            }
            expected++;
            BarOutcome seen = observed.get(bar.getKey());
            if (seen == null) {
                missing++;
            } else if (!seen.equals(bar.getValue())) {
                different++;
            }
        }
        int unexpected = 0;
        for (Map.Entry<BarOutcome.Key, BarOutcome> seen : observed.entrySet()) {
            if (!oracle.bars().containsKey(seen.getKey()) && oracle.settled(seen.getKey(), seen.getValue())) {
                unexpected++;
            }
        }
        return new BarCheck(sink, expected, missing, different, unexpected);
    }

    String describe() {
        return expected + " expected, " + missing + " missing, " + different + " different, " + unexpected
                + " unexpected";
    }

    /** Every bar the oracle decided is there, equal, and nothing else. */
    boolean exact() {
        return missing == 0 && different == 0 && unexpected == 0;
    }
}
