package org.stockalerts.api.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.common.kafka.Topics;

/**
 * Turns what a client last saw (an SSE {@code Last-Event-ID} or an {@code after=} parameter) into a
 * {@link ResumePoint}: a cursor, or an alertId (the ids sent before cursors), looked up in
 * {@code persistence.alerts} (written by persistence-consumer).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AlertPositions {

    private final JdbcTemplate jdbc;

    /**
     * @return empty when {@code seen} is an alertId that is not one of the user's stored alerts
     * @throws IllegalArgumentException when {@code seen} is neither a cursor of a partition of alerts-triggered
     *     nor an alertId
     */
    public Optional<ResumePoint> resolve(UUID userId, String seen) {
        Optional<AlertCursor> cursor = AlertCursor.parse(seen);
        if (cursor.isPresent()) {
            if (cursor.get().partition() >= Topics.ALERTS_TRIGGERED.partitions()) {
                throw new IllegalArgumentException("'" + seen + "' names no partition of the alerts");
            }
            List<Timestamp> firedAt = jdbc.queryForList(
                    "SELECT triggered_at FROM persistence.alerts"
                            + " WHERE user_id = ? AND kafka_partition = ? AND kafka_offset = ?",
                    Timestamp.class,
                    userId,
                    cursor.get().partition(),
                    cursor.get().offset());
            return Optional.of(new ResumePoint.AfterCursor(
                    cursor.get(), firedAt.isEmpty() ? null : firedAt.getFirst().toInstant()));
        }
        UUID alertId = alertId(seen);
        return jdbc
                .query(
                        "SELECT kafka_partition, kafka_offset, triggered_at FROM persistence.alerts"
                                + " WHERE alert_id = ? AND user_id = ?",
                        (row, n) -> {
                            Instant firedAt = row.getTimestamp("triggered_at").toInstant();
                            Integer partition = row.getObject("kafka_partition", Integer.class);
                            return partition == null
                                    ? (ResumePoint) new ResumePoint.AfterUnpositioned(firedAt, alertId)
                                    : new ResumePoint.AfterCursor(
                                            new AlertCursor(partition, row.getLong("kafka_offset")), firedAt);
                        },
                        alertId,
                        userId)
                .stream()
                .findFirst();
    }

    private static UUID alertId(String seen) {
        try {
            return UUID.fromString(seen.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + seen + "' is neither an alert cursor (<partition>-<offset>) nor an alert id", e);
        }
    }
}
