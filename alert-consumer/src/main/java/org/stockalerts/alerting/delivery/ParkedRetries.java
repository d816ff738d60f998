package org.stockalerts.alerting.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.common.kafka.EventJson;

/**
 * Retries waiting in the database, {@code alerting.delivery_retries}: the long tail of the
 * {@link RetrySchedule}, past the Kafka retry topics. One row per alert and channel target holds the
 * request, its next attempt and when that is due, so a restart loses none of them.
 */
@Repository
@RequiredArgsConstructor
public class ParkedRetries {

    /** A retry claimed by this instance: make attempt {@code attempt} of {@code request}. */
    public record Due(DeliveryRequest request, int attempt) {}

    private static final String TABLE = "alerting.delivery_retries";

    private final JdbcTemplate jdbc;

    /** Parks attempt {@code attempt} of {@code request} until {@code dueAt}, replacing what waited for it. */
    public void park(DeliveryRequest request, int attempt, Instant dueAt, Instant now) {
        jdbc.update(
                "INSERT INTO " + TABLE + " (alert_id, channel_id, user_id, attempt, due_at, request, parked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (alert_id, channel_id) DO UPDATE"
                        + " SET attempt = excluded.attempt, due_at = excluded.due_at, parked_at = excluded.parked_at,"
                        + " leased_until = NULL",
                request.alert().alertId(),
                request.channelId(),
                request.alert().userId(),
                attempt,
                Timestamp.from(dueAt),
                new String(EventJson.write(request), StandardCharsets.UTF_8),
                Timestamp.from(now));
    }

    /**
     * Claims up to {@code limit} retries due at {@code now}: each is hidden from every instance until
     * {@code leaseUntil}, when it is due again unless {@link #done} removed it or {@link #park} moved
     * it on. Rows another instance is claiming at the same moment are skipped, not waited for.
     */
    public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.query(
                "UPDATE " + TABLE + " r SET due_at = ?, leased_until = ? FROM (SELECT alert_id, channel_id FROM "
                        + TABLE
                        + " WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) due"
                        + " WHERE r.alert_id = due.alert_id AND r.channel_id = due.channel_id"
                        + " RETURNING r.attempt, r.request::text AS request",
                (row, n) -> new Due(
                        EventJson.read(row.getString("request"), DeliveryRequest.class, TABLE), row.getInt("attempt")),
                Timestamp.from(leaseUntil),
                Timestamp.from(leaseUntil),
                Timestamp.from(now),
                limit);
    }

    /**
     * Makes every retry waiting for {@code channelId} due at {@code now}: its receiver answers again, so
     * what waits for it need not wait out the schedule. Rows a poll has claimed and is sending keep their lease.
     *
     * @return how many retries were made due
     */
    public int release(UUID channelId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update(
                "UPDATE " + TABLE + " SET due_at = ? WHERE channel_id = ? AND due_at > ?"
                        + " AND (leased_until IS NULL OR leased_until <= ?)",
                at,
                channelId,
                at,
                at);
    }

    /** Removes the claimed retry, unless it was parked again for a later attempt meanwhile. */
    public void done(Due due) {
        jdbc.update(
                "DELETE FROM " + TABLE + " WHERE alert_id = ? AND channel_id = ? AND attempt = ?",
                due.request().alert().alertId(),
                due.request().channelId(),
                due.attempt());
    }

    /** Drops every waiting retry of {@code userId}. */
    public int forget(UUID userId) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE user_id = ?", userId);
    }
}
