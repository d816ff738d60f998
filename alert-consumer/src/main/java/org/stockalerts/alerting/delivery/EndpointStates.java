package org.stockalerts.alerting.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The health of channel targets called over HTTP, {@code alerting.endpoint_states}: since when and how often a
 * target has failed without a success (with its last error), and whether it is disabled. A target without a row is healthy. Written only
 * here; api-service reads it to show a channel's status.
 */
@Repository
@RequiredArgsConstructor
public class EndpointStates {

    private static final String TABLE = "alerting.endpoint_states";

    private final JdbcTemplate jdbc;

    /** Whether {@code channelId} was disabled and not re-enabled since. */
    public boolean disabled(UUID channelId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM " + TABLE + " WHERE channel_id = ? AND disabled_at IS NOT NULL)",
                Boolean.class,
                channelId));
    }

    /** The target answered: it is healthy again (a disabled target stays disabled until re-enabled). */
    public void succeeded(UUID channelId) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE channel_id = ? AND disabled_at IS NULL", channelId);
    }

    /**
     * A target failing since its last success.
     *
     * @param since when it first failed
     * @param failures attempts failed since then
     * @param permanentFailures those of them that failed with a final error
     */
    public record Failing(Instant since, int failures, int permanentFailures) {}

    private static final int MAX_ERROR_LENGTH = 300;

    /**
     * The target failed at {@code at} with {@code error} (never a secret), a final one when {@code permanent}.
     *
     * @return how long and how often it has failed without a success
     */
    public Failing failed(UUID channelId, UUID userId, Instant at, String error, boolean permanent) {
        String kept =
                error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        return jdbc.queryForObject(
                "INSERT INTO " + TABLE + " AS s (channel_id, user_id, failing_since, updated_at, consecutive_failures,"
                        + " permanent_failures, last_error, last_failure_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)"
                        + " ON CONFLICT (channel_id) DO UPDATE SET failing_since = coalesce(s.failing_since,"
                        + " excluded.failing_since), updated_at = excluded.updated_at,"
                        + " consecutive_failures = s.consecutive_failures + 1,"
                        + " permanent_failures = s.permanent_failures + excluded.permanent_failures,"
                        + " last_error = excluded.last_error, last_failure_at = excluded.last_failure_at"
                        + " RETURNING failing_since, consecutive_failures, permanent_failures",
                (row, n) -> new Failing(
                        row.getTimestamp("failing_since").toInstant(),
                        row.getInt("consecutive_failures"),
                        row.getInt("permanent_failures")),
                channelId,
                userId,
                Timestamp.from(at),
                Timestamp.from(at),
                permanent ? 1 : 0,
                kept,
                Timestamp.from(at));
    }

    /**
     * Disables the target for {@code reason}.
     *
     * @return whether this call disabled it (false when it already was): exactly one caller, of any
     *     instance, tells the user
     */
    public boolean disable(UUID channelId, UUID userId, Instant at, String reason) {
        return !jdbc.queryForList(
                        "INSERT INTO " + TABLE + " AS s (channel_id, user_id, failing_since, disabled_at,"
                                + " disabled_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (channel_id) DO UPDATE SET disabled_at = excluded.disabled_at,"
                                + " disabled_reason = excluded.disabled_reason, updated_at = excluded.updated_at"
                                + " WHERE s.disabled_at IS NULL RETURNING true",
                        Boolean.class,
                        channelId,
                        userId,
                        Timestamp.from(at),
                        Timestamp.from(at),
                        reason,
                        Timestamp.from(at))
                .isEmpty();
    }

    /** The user re-enabled the target: it starts afresh, as healthy. */
    public boolean reenable(UUID channelId, UUID userId) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE channel_id = ? AND user_id = ?", channelId, userId) > 0;
    }

    /** Forgets every target of {@code userId}. */
    public int forget(UUID userId) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE user_id = ?", userId);
    }
}
