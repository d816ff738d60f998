package org.stockalerts.api.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code api.idempotency_keys} table. Every method but {@link #deleteExpired} runs in the
 * transaction of the request it serves, which holds the key's advisory lock from {@link #tryLock}. Bodies are
 * sealed with the {@link ScopedKey}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StoredAnswers {

    private final JdbcTemplate jdbc;
    private final IdempotencySettings settings;
    private final Clock clock;

    /**
     * Takes the key's transaction-scoped advisory lock, without waiting: false while another
     * request with the same key runs. PostgreSQL releases it when the transaction ends (or its
     * session dies), after the commit is visible, so the next holder sees the stored answer.
     */
    boolean tryLock(ScopedKey key) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, key.lockId()));
    }

    /** The answer stored for the key and not yet expired. */
    Optional<StoredAnswer> find(UUID userId, ScopedKey key) {
        return jdbc
                .query(
                        """
                        SELECT route, request_hash, status, content_type, location, body
                        FROM api.idempotency_keys
                        WHERE user_id = ? AND key_hash = ? AND expires_at > ?
                        """,
                        (row, n) -> new StoredAnswer(
                                row.getString("route"),
                                row.getBytes("request_hash"),
                                row.getInt("status"),
                                row.getString("content_type"),
                                row.getString("location"),
                                key.open(row.getBytes("body"))),
                        userId,
                        key.hash(),
                        Timestamp.from(clock.instant()))
                .stream()
                .findFirst();
    }

    /**
     * Stores the answer for the configured time to live, replacing an expired one of the same key that
     * the cleanup has not deleted yet.
     */
    void save(UUID userId, ScopedKey key, StoredAnswer answer) {
        Instant now = clock.instant();
        jdbc.update(
                """
                INSERT INTO api.idempotency_keys (user_id, key_hash, route, request_hash, status,
                                                  content_type, location, body, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, key_hash) DO UPDATE SET
                    route = excluded.route, request_hash = excluded.request_hash, status = excluded.status,
                    content_type = excluded.content_type, location = excluded.location, body = excluded.body,
                    created_at = excluded.created_at, expires_at = excluded.expires_at
                """,
                userId,
                key.hash(),
                answer.route(),
                answer.requestHash(),
                answer.status(),
                answer.contentType(),
                answer.location(),
                key.seal(answer.body()),
                Timestamp.from(now),
                Timestamp.from(now.plus(settings.ttl())));
    }

    /** Deletes the expired answers; returns how many. */
    int deleteExpired() {
        return jdbc.update("DELETE FROM api.idempotency_keys WHERE expires_at <= ?", Timestamp.from(clock.instant()));
    }
}
