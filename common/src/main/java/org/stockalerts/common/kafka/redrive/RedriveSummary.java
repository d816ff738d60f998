package org.stockalerts.common.kafka.redrive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a redrive did (or, in a dry run, would do).
 *
 * @param republished dead letters sent back to {@code targetTopic} (dry run: that would be)
 * @param olderThanSince dead letters passed over because they were written before {@code since};
 *     a real run moves past them, so a later run does not see them either
 * @param reasons the republished ones counted by why they were dead-lettered, most frequent first
 */
public record RedriveSummary(
        String deadLetterTopic,
        String targetTopic,
        boolean dryRun,
        long republished,
        long olderThanSince,
        Map<String, Long> reasons) {

    public RedriveSummary {
        reasons = Map.copyOf(reasons);
    }

    /** The summary as the command prints it: one headline, then one line per reason. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("redrive " + deadLetterTopic + " -> " + targetTopic + ": " + republished
                + (dryRun ? " would be republished" : " republished") + ", " + olderThanSince
                + " older than --since" + (dryRun ? " (dry run: nothing changed)" : ""));
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(reason -> lines.add(String.format("%8d  %s", reason.getValue(), reason.getKey())));
        return lines;
    }
}
