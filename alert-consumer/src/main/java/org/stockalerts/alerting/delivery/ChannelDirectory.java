package org.stockalerts.alerting.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.common.event.ChannelType;

/**
 * Reads the users' notification channels from the API's table ({@code api.notification_channels}),
 * read-only: api-service owns and writes it. It is the only place webhook secrets live.
 */
@Repository
public class ChannelDirectory {

    private static final String COLUMNS =
            "SELECT id, user_id, type, address, secret, enabled FROM api.notification_channels";

    private final JdbcTemplate jdbc;

    public ChannelDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

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
                row.getBoolean("enabled"));
    }
}
