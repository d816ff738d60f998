package org.stockalerts.api.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API key lookups of every authenticated request, each one statement outside any transaction (one
 * round trip, no entity): the key a request presents, and the record of its use.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class KeyLookup {

    private static final String FIND =
            "SELECT id, user_id, last_used_at FROM api.api_keys" + " WHERE key_hash = ? AND revoked_at IS NULL";

    private static final String RECORD_USE =
            "UPDATE api.api_keys SET last_used_at = ?" + " WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)";

    /** A key that is not revoked: its id, its user and when it was last used (null if never). */
    record ActiveKey(UUID id, UUID userId, Instant lastUsedAt) {}

    private final JdbcTemplate jdbc;

    /** The active key whose hash is {@code keyHash}, if any. */
    Optional<ActiveKey> active(String keyHash) {
        return jdbc
                .query(
                        FIND,
                        (row, n) -> {
                            Timestamp lastUsed = row.getTimestamp("last_used_at");
                            return new ActiveKey(
                                    row.getObject("id", UUID.class),
                                    row.getObject("user_id", UUID.class),
                                    lastUsed == null ? null : lastUsed.toInstant());
                        },
                        keyHash)
                .stream()
                .findFirst();
    }

    /** Records a use of key {@code id} at {@code at} unless a use at or after {@code since} is recorded already. */
    void recordUse(UUID id, Instant at, Instant since) {
        jdbc.update(RECORD_USE, Timestamp.from(at), id, Timestamp.from(since));
    }
}
