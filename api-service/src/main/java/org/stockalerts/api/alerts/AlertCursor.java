package org.stockalerts.api.alerts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a fired alert sits in a user's alert sequence: the partition and offset of its
 * {@code alerts-triggered} record, rendered {@code <partition>-<offset>}. One user's alerts share one
 * partition (the topic is keyed by userId), so within a partition the offset is the order in which the
 * live stream emits them, a reconnect replays them and {@code GET /users/{id}/alerts?after=} pages them.
 */
public record AlertCursor(int partition, long offset) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

    public AlertCursor {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must not be negative");
        }
    }

    /** The cursor {@code text} names, or empty when it is not one (e.g. an alertId). */
    public static Optional<AlertCursor> parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AlertCursor(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2))));
    }

    @Override
    public String toString() {
        return partition + "-" + offset;
    }
}
