package org.stockalerts.api.channels;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.common.secrets.SecretBoxException;

/**
 * At every start, seals the webhook secrets that are not sealed with the current key yet: the plain
 * text of versions before V7, and those sealed with an old key after a key rotation. Idempotent and
 * safe with several instances and concurrent rotations: each row is written only if it still holds
 * what was read. Expired previous secrets are dropped on the way. A secret whose key is not
 * configured is left as it is, and counted and logged by channel id.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SecretResealing implements ApplicationRunner {

    /** What one pass did. */
    record Report(int resealed, int unreadable) {}

    private static final Logger log = LoggerFactory.getLogger(SecretResealing.class);
    private static final int BATCH = 500;

    private record Row(UUID id, String secret, String previous, Instant previousExpiresAt) {}

    private final JdbcTemplate jdbc;
    private final ChannelSecrets secrets;
    private final Clock clock;

    @Override
    public void run(ApplicationArguments args) {
        Report report = reseal();
        if (report.resealed() > 0 || report.unreadable() > 0) {
            log.atInfo()
                    .addKeyValue("resealed", report.resealed())
                    .addKeyValue("unreadable", report.unreadable())
                    .log("webhook secrets sealed with the current key");
        }
    }

    /** Reseals every row that needs it, in batches by id. */
    Report reseal() {
        int resealed = 0;
        int unreadable = 0;
        // PostgreSQL orders uuids by their unsigned bytes, so the all-zero one is the smallest
        UUID after = new UUID(0, 0);
        List<Row> batch;
        do {
            batch = jdbc.query(
                    "SELECT id, secret, previous_secret, previous_secret_expires_at FROM api.notification_channels"
                            + " WHERE (secret IS NOT NULL OR previous_secret IS NOT NULL) AND id > ?"
                            + " ORDER BY id LIMIT ?",
                    (row, n) -> new Row(
                            row.getObject("id", UUID.class),
                            row.getString("secret"),
                            row.getString("previous_secret"),
                            instant(row.getTimestamp("previous_secret_expires_at"))),
                    after,
                    BATCH);
            Instant now = clock.instant();
            for (Row row : batch) {
                if (needsWork(row, now)) {
                    try {
                        resealed += write(row, now) ? 1 : 0;
                    } catch (SecretBoxException e) {
                        unreadable++;
                        log.atError()
                                .addKeyValue("channelId", row.id())
                                .addKeyValue("reason", e.getMessage())
                                .log("webhook secret cannot be opened with the configured keys");
                    }
                }
                after = row.id();
            }
        } while (batch.size() == BATCH);
        return new Report(resealed, unreadable);
    }

    private boolean needsWork(Row row, Instant now) {
        boolean secretStale = row.secret() != null && !secrets.current(row.secret());
        boolean previousStale =
                row.previous() != null && (!row.previousExpiresAt().isAfter(now) || !secrets.current(row.previous()));
        return secretStale || previousStale;
    }

    private boolean write(Row row, Instant now) {
        String secret = row.secret() == null ? null : secrets.reseal(row.secret(), row.id());
        boolean keepPrevious = row.previous() != null && row.previousExpiresAt().isAfter(now);
        String previous = keepPrevious ? secrets.reseal(row.previous(), row.id()) : null;
        return jdbc.update(
                        "UPDATE api.notification_channels SET secret = ?, previous_secret = ?,"
                                + " previous_secret_expires_at = ?"
                                + " WHERE id = ? AND secret IS NOT DISTINCT FROM ?"
                                + " AND previous_secret IS NOT DISTINCT FROM ?",
                        secret,
                        previous,
                        keepPrevious ? Timestamp.from(row.previousExpiresAt()) : null,
                        row.id(),
                        row.secret(),
                        row.previous())
                == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
