package org.stockalerts.alerting.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;

/**
 * The delivery log, {@code alerting.alert_deliveries}: one row per attempt of an alert through a
 * channel target. The unique index on DELIVERED rows guarantees at most one success per target.
 */
@Repository
@RequiredArgsConstructor
public class DeliveryLog {

    /** What an attempt came to, as stored. */
    public enum Outcome {
        DELIVERED,
        RETRYING,
        FAILED,
        SKIPPED,
        /** Held for a digest: the user's quiet hours, or the channel type's daily cap (see {@code DigestPoller}). */
        HELD
    }

    /**
     * One attempt to record.
     *
     * @param digestId the digest the alert went out in; null for an attempt of the alert alone
     */
    public record Attempt(
            AlertTriggered alert,
            ChannelType channel,
            UUID channelId,
            Instant attemptedAt,
            Outcome outcome,
            Integer statusCode,
            String error,
            Duration latency,
            UUID digestId) {

        /** An attempt of the alert alone. */
        public Attempt(
                AlertTriggered alert,
                ChannelType channel,
                UUID channelId,
                Instant attemptedAt,
                Outcome outcome,
                Integer statusCode,
                String error,
                Duration latency) {
            this(alert, channel, channelId, attemptedAt, outcome, statusCode, error, latency, null);
        }
    }

    private static final int MAX_ERROR_LENGTH = 500;

    private final JdbcTemplate jdbc;

    /** Whether the alert already reached this channel target. */
    public boolean delivered(UUID alertId, ChannelType channel, UUID channelId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM alerting.alert_deliveries WHERE alert_id = ? AND channel = ?"
                        + " AND channel_id = ? AND outcome = 'DELIVERED')",
                Boolean.class,
                alertId,
                channel.name(),
                channelId));
    }

    /**
     * Records {@code attempt} under the next attempt number of its alert and target.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a second success is recorded for
     *     the same alert and target
     */
    public void record(Attempt attempt) {
        AlertTriggered alert = attempt.alert();
        jdbc.update(
                "INSERT INTO alerting.alert_deliveries (alert_id, user_id, rule_id, channel, channel_id, attempt,"
                        + " attempted_at, outcome, status_code, error, latency_ms, digest_id)"
                        + " SELECT ?, ?, ?, ?, ?, coalesce(max(attempt), 0) + 1, ?, ?, ?, ?, ?, ?"
                        + " FROM alerting.alert_deliveries WHERE alert_id = ? AND channel = ? AND channel_id = ?",
                alert.alertId(),
                alert.userId(),
                alert.ruleId(),
                attempt.channel().name(),
                attempt.channelId(),
                Timestamp.from(attempt.attemptedAt()),
                attempt.outcome().name(),
                attempt.statusCode(),
                truncate(attempt.error()),
                attempt.latency() == null ? null : (int) attempt.latency().toMillis(),
                attempt.digestId(),
                alert.alertId(),
                attempt.channel().name(),
                attempt.channelId());
    }

    /**
     * How many alert messages {@code userId} was sent through {@code channel} since {@code since}: alerts delivered
     * alone, each one message; a digest's alerts do not count (the daily cap is on messages of one alert).
     */
    public long sentSince(UUID userId, ChannelType channel, Instant since) {
        Long sent = jdbc.queryForObject(
                "SELECT count(*) FROM alerting.alert_deliveries WHERE user_id = ? AND attempted_at >= ?"
                        + " AND channel = ? AND outcome = 'DELIVERED' AND digest_id IS NULL",
                Long.class,
                userId,
                Timestamp.from(since),
                channel.name());
        return sent == null ? 0 : sent;
    }

    /**
     * Deletes every attempt of {@code userId}'s alerts: their errors may quote the user's e-mail
     * address or webhook host.
     *
     * @return how many rows were deleted
     */
    public int forget(UUID userId) {
        return jdbc.update("DELETE FROM alerting.alert_deliveries WHERE user_id = ?", userId);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
