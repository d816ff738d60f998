package org.stockalerts.api.live;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.api.alerts.ResumePoint;

/**
 * The alerts a reconnecting client missed, from {@code persistence.alerts} (written by the persistence
 * service), in cursor order.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StoredAlerts {

    private final JdbcTemplate jdbc;

    /**
     * The highest offset of {@code partition} stored, or -1. The persistence service stores a partition's
     * records in offset order, so every alert of the partition up to it is stored.
     */
    long storedUpTo(int partition) {
        Long offset = jdbc.queryForObject(
                "SELECT max(kafka_offset) FROM persistence.alerts WHERE kafka_partition = ?", Long.class, partition);
        return offset == null ? -1 : offset;
    }

    /**
     * At most {@code limit} of the user's stored alerts after {@code point}, in cursor order, those of
     * {@code partition} only up to {@code upTo}.
     */
    List<LiveEvent> after(UUID userId, ResumePoint point, int partition, long upTo, int limit) {
        ResumePoint.Condition after = point.after();
        List<Object> args = new ArrayList<>();
        args.add(userId);
        args.addAll(after.args());
        args.add(partition);
        args.add(upTo);
        args.add(limit);
        return jdbc.query(
                "SELECT alert_id, kafka_partition, kafka_offset, payload::text AS payload FROM persistence.alerts"
                        + " WHERE user_id = ? AND " + after.sql()
                        + " AND (kafka_partition IS DISTINCT FROM ? OR kafka_offset <= ?)"
                        + ResumePoint.ORDER + " LIMIT ?",
                (row, n) -> {
                    Integer stored = row.getObject("kafka_partition", Integer.class);
                    return LiveEvent.alert(
                            stored == null ? null : new AlertCursor(stored, row.getLong("kafka_offset")),
                            row.getObject("alert_id", UUID.class),
                            row.getString("payload"));
                },
                args.toArray());
    }
}
