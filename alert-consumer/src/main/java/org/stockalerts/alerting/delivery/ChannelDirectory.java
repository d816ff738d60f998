package org.stockalerts.alerting.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.common.event.ChannelType;

/**
 * Reads the users' notification channels from the API's table ({@code api.notification_channels}),
 * read-only: api-service owns and writes it. It is the only place webhook secrets live, sealed; they
 * are opened only when a request is signed ({@link WebhookSecrets}).
 */
@Repository
@RequiredArgsConstructor
public class ChannelDirectory {

    private static final String COLUMNS =
            "SELECT id, user_id, type, address, secret, previous_secret, previous_secret_expires_at, enabled"
                    + " FROM api.notification_channels";

    private final JdbcTemplate jdbc;

    /** The user's enabled channels, oldest first. */
    public List<Channel> enabledChannels(UUID userId) {
        return jdbc.query(
                COLUMNS + " WHERE user_id = ? AND enabled ORDER BY created_at, id", ChannelDirectory::map, userId);
    }

    /** The channel with {@code id}, whether enabled or not. */
    public Optional<Channel> find(UUID id) {
        return jdbc.query(COLUMNS + " WHERE id = ?", ChannelDirectory::map, id).stream()
                .findFirst();
    }

    private static Channel map(ResultSet row, int rowNum) throws SQLException {
        return new Channel(
                row.getObject("id", UUID.class),
                row.getObject("user_id", UUID.class),
                ChannelType.valueOf(row.getString("type")),
                row.getString("address"),
                row.getString("secret"),
                row.getString("previous_secret"),
                instant(row.getTimestamp("previous_secret_expires_at")),
                row.getBoolean("enabled"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
