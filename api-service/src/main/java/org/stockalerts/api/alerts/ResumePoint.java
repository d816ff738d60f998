package org.stockalerts.api.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A point of a user's stored alert sequence to read strictly after. The sequence is: the alerts stored
 * before positions were kept (no cursor), by (triggered_at, alert_id); then the others by cursor.
 */
public sealed interface ResumePoint {

    /** The order of the sequence, for an {@code ORDER BY} over {@code persistence.alerts}. */
    String ORDER = " ORDER BY kafka_partition NULLS FIRST, kafka_offset, triggered_at, alert_id";

    /** A condition over {@code persistence.alerts} and its arguments. */
    record Condition(String sql, List<Object> args) {}

    /** The rows after this point, as a condition to AND with the user's rows. */
    Condition after();

    /**
     * After a stored alert's cursor: the later records of its partition. The alerts of other partitions
     * (a user's partition changes only when the topic's partition count does) that fired after it follow.
     *
     * @param triggeredAt when the cursor's alert fired, or null when it is not stored (yet)
     */
    record AfterCursor(AlertCursor cursor, Instant triggeredAt) implements ResumePoint {

        @Override
        public Condition after() {
            String sameOffsetLater = "(kafka_partition = ? AND kafka_offset > ?)";
            if (triggeredAt == null) {
                return new Condition(sameOffsetLater, List.of(cursor.partition(), cursor.offset()));
            }
            return new Condition(
                    "(" + sameOffsetLater + " OR (kafka_partition <> ? AND triggered_at > ?))",
                    List.of(cursor.partition(), cursor.offset(), cursor.partition(), Timestamp.from(triggeredAt)));
        }
    }

    /**
     * After an alert stored before positions were kept (an old-style id, the alertId): the later ones of
     * those by (triggered_at, alert_id), then every alert that has a cursor.
     */
    record AfterUnpositioned(Instant triggeredAt, UUID alertId) implements ResumePoint {

        @Override
        public Condition after() {
            return new Condition(
                    "((kafka_partition IS NULL AND (triggered_at, alert_id) > (?, ?)) OR kafka_partition IS NOT NULL)",
                    List.of(Timestamp.from(triggeredAt), alertId));
        }
    }
}
