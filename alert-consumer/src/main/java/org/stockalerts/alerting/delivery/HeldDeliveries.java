package org.stockalerts.alerting.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.preferences.DeliveryPreferences.HoldReason;

/**
 * Deliveries held for a digest, {@code alerting.held_deliveries}: one row per alert and channel target, released
 * at {@code release_at} as part of its target's next digest ({@link DigestPoller}). Rows survive restarts; a target's
 * due rows are claimed with a lease, so one instance sends each digest.
 */
@Repository
@RequiredArgsConstructor
public class HeldDeliveries {

    /**
     * A held delivery claimed for a digest.
     *
     * @param digestId the digest it was first attempted in; null before its first attempt
     * @param attempts that digest's failed attempts so far
     */
    public record Held(DeliveryRequest request, HoldReason reason, Instant heldAt, int attempts, UUID digestId) {}

    private static final String TABLE = "alerting.held_deliveries";

    private final JdbcTemplate jdbc;

    /** Holds {@code request} until {@code releaseAt}; a request held already keeps its first hold. */
    public void hold(DeliveryRequest request, HoldReason reason, Instant releaseAt, Instant now) {
        jdbc.update(
                "INSERT INTO " + TABLE + " (alert_id, channel_id, user_id, reason, release_at, held_at, request)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (alert_id, channel_id) DO NOTHING",
                request.alert().alertId(),
                request.channelId(),
                request.alert().userId(),
                reason.name(),
                Timestamp.from(releaseAt),
                Timestamp.from(now),
                new String(EventJson.write(request), StandardCharsets.UTF_8));
    }

    /** Up to {@code limit} channel targets with held deliveries due at {@code now} and not claimed by anyone. */
    public List<UUID> dueTargets(Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForList(
                "SELECT channel_id FROM " + TABLE + " WHERE release_at <= ? AND (leased_until IS NULL OR leased_until"
                        + " <= ?) GROUP BY channel_id ORDER BY min(release_at) LIMIT ?",
                UUID.class,
                at,
                at,
                limit);
    }

    /**
     * Claims every delivery held for {@code channelId} that is due at {@code now}, oldest first, hiding them from
     * every instance until {@code leaseUntil}. Rows another instance is claiming are skipped, not waited for.
     */
    public List<Held> claim(UUID channelId, Instant now, Instant leaseUntil) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query(
                "UPDATE " + TABLE + " h SET leased_until = ? FROM (SELECT alert_id FROM " + TABLE
                        + " WHERE channel_id = ? AND release_at <= ? AND (leased_until IS NULL OR leased_until <= ?)"
                        + " FOR UPDATE SKIP LOCKED) due WHERE h.channel_id = ? AND h.alert_id = due.alert_id"
                        + " RETURNING h.request::text AS request, h.reason, h.held_at, h.attempts, h.digest_id",
                (row, n) -> new Held(
                        EventJson.read(row.getString("request"), DeliveryRequest.class, TABLE),
                        HoldReason.valueOf(row.getString("reason")),
                        row.getTimestamp("held_at").toInstant(),
                        row.getInt("attempts"),
                        row.getObject("digest_id", UUID.class)),
                Timestamp.from(leaseUntil),
                channelId,
                at,
                at,
                channelId);
    }

    /**
     * Puts the claimed {@code alertIds} of {@code channelId} back, due at {@code releaseAt}: after {@code attempts}
     * failed attempts of digest {@code digestId} (null, and 0, when none was attempted: the quiet hours came back).
     */
    public void postpone(UUID channelId, List<UUID> alertIds, Instant releaseAt, int attempts, UUID digestId) {
        jdbc.update(
                "UPDATE " + TABLE + " SET release_at = ?, attempts = ?, digest_id = ?, leased_until = NULL"
                        + " WHERE channel_id = ? AND alert_id = ANY (?::uuid[])",
                Timestamp.from(releaseAt),
                attempts,
                digestId,
                channelId,
                array(alertIds));
    }

    /** Removes the held deliveries of {@code alertIds} to {@code channelId}: their digest is sent or given up. */
    public void done(UUID channelId, List<UUID> alertIds) {
        jdbc.update(
                "DELETE FROM " + TABLE + " WHERE channel_id = ? AND alert_id = ANY (?::uuid[])",
                channelId,
                array(alertIds));
    }

    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** Drops every held delivery of {@code userId}. */
    public int forget(UUID userId) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE user_id = ?", userId);
    }
}
