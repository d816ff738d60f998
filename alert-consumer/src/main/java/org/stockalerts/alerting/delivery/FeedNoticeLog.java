package org.stockalerts.alerting.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.Symbol;

/**
 * The feed notices told to users, {@code alerting.feed_notices} (alerting V10, V11): one row per feed-status event and
 * user, which api-service lists as the user's in-app notices, and whether it went out through their channels. Written
 * only here.
 */
@Repository
@RequiredArgsConstructor
public class FeedNoticeLog {

    private static final String TABLE = "alerting.feed_notices";

    private final JdbcTemplate jdbc;

    /**
     * Records {@code notices} of {@code event}, recorded at {@code now}; a notice recorded before (the event
     * redelivered) is left as it is.
     */
    public void record(FeedStatusChanged event, Collection<Notice> notices, Instant now) {
        jdbc.batchUpdate(
                "INSERT INTO " + TABLE + " (notice_id, event_id, user_id, symbol, status, problem, detail, at,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (notice_id) DO NOTHING",
                notices,
                notices.size(),
                (statement, notice) -> {
                    statement.setObject(1, notice.id());
                    statement.setObject(2, event.eventId());
                    statement.setObject(3, notice.userId());
                    statement.setString(4, event.symbol().value());
                    statement.setString(5, event.status().name());
                    statement.setString(6, event.problem().name());
                    statement.setString(7, notice.text());
                    statement.setTimestamp(8, Timestamp.from(notice.at()));
                    statement.setTimestamp(9, Timestamp.from(now));
                });
    }

    /**
     * The newest notice about {@code symbol} of each of {@code userIds} that has one (by when what it tells happened,
     * then by when it was recorded).
     */
    public Map<UUID, Latest> latest(Symbol symbol, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .query(
                        "SELECT u.user_id, n.event_id, n.status, n.at FROM unnest(?::uuid[]) AS u (user_id)"
                                + " CROSS JOIN LATERAL (SELECT event_id, status, at FROM " + TABLE
                                + " WHERE user_id = u.user_id AND symbol = ? ORDER BY at DESC, created_at DESC"
                                + " LIMIT 1) n",
                        (row, n) -> Map.entry(
                                row.getObject("user_id", UUID.class),
                                new Latest(
                                        row.getObject("event_id", UUID.class),
                                        FeedStatusChanged.Status.valueOf(row.getString("status")),
                                        row.getTimestamp("at").toInstant())),
                        userIds.stream().map(UUID::toString).toArray(String[]::new),
                        symbol.value())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * A user's newest feed notice about a symbol.
     *
     * @param eventId the feed-status event it told
     * @param at when what it tells happened: the feed went blind, or came back
     */
    public record Latest(UUID eventId, FeedStatusChanged.Status status, Instant at) {}

    /** Those of {@code noticeIds} recorded and not sent yet. */
    public Set<UUID> unsent(Collection<UUID> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Set.of();
        }
        return jdbc
                .queryForList(
                        "SELECT notice_id FROM " + TABLE + " WHERE notice_id = ANY (?::uuid[]) AND sent_at IS NULL",
                        UUID.class,
                        (Object) noticeIds.stream().map(UUID::toString).toArray(String[]::new))
                .stream()
                .collect(Collectors.toSet());
    }

    /** The notice went out through its user's channels at {@code at}. */
    public void sent(UUID noticeId, Instant at) {
        jdbc.update("UPDATE " + TABLE + " SET sent_at = ? WHERE notice_id = ?", Timestamp.from(at), noticeId);
    }

    /** Deletes the notices recorded before {@code before}. */
    public int purge(Instant before) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE created_at < ?", Timestamp.from(before));
    }

    /** Forgets every notice of {@code userId}. */
    public int forget(UUID userId) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE user_id = ?", userId);
    }
}
