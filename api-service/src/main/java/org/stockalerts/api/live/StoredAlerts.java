package org.stockalerts.api.live;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The alerts a reconnecting client missed, from {@code persistence.alerts} (written by the persistence
 * service): those of the user that fired after the one it saw last, oldest first, as stored.
 */
@Component
class StoredAlerts {

    private static final Logger log = LoggerFactory.getLogger(StoredAlerts.class);

    private final JdbcTemplate jdbc;
    private final LiveSettings settings;

    StoredAlerts(JdbcTemplate jdbc, LiveSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Empty when {@code lastAlertId} is not one of the user's stored alerts, or none are stored. */
    List<LiveEvent> after(UUID userId, UUID lastAlertId) {
        try {
            return jdbc.query(
                    "SELECT alert_id, payload::text AS payload FROM persistence.alerts"
                            + " WHERE user_id = ? AND (triggered_at, alert_id) >"
                            + " (SELECT triggered_at, alert_id FROM persistence.alerts WHERE alert_id = ? AND user_id = ?)"
                            + " ORDER BY triggered_at, alert_id LIMIT ?",
                    (row, n) -> new LiveEvent(row.getString("alert_id"), "alert", row.getString("payload")),
                    userId,
                    lastAlertId,
                    userId,
                    settings.replayLimit());
        } catch (DataAccessException e) {
            log.atWarn()
                    .addKeyValue("userId", userId)
                    .addKeyValue("error", e.getMostSpecificCause().getMessage())
                    .log("stored alerts unavailable, resuming live only");
            return List.of();
        }
    }
}
