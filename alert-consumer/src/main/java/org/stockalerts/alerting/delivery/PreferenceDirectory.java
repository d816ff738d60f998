package org.stockalerts.alerting.delivery;

import java.time.LocalTime;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.common.preferences.DeliveryPreferences;

/**
 * Reads the users' delivery preferences (time zone, quiet hours, daily caps) from the API's table
 * ({@code api.user_preferences}), read-only: api-service owns and writes it.
 */
@Repository
@RequiredArgsConstructor
public class PreferenceDirectory {

    private final JdbcTemplate jdbc;

    /**
     * {@code userId}'s preferences; {@link DeliveryPreferences#NONE} for a user who set none, and for everyone while
     * the table does not exist or may not be read yet (an api-service older than this service, not migrated yet).
     */
    public DeliveryPreferences of(UUID userId) {
        try {
            return read(userId);
        } catch (BadSqlGrammarException | PermissionDeniedDataAccessException noTableYet) {
            return DeliveryPreferences.NONE;
        }
    }

    private DeliveryPreferences read(UUID userId) {
        return jdbc
                .query(
                        "SELECT time_zone, quiet_start, quiet_end, daily_caps::text AS daily_caps"
                                + " FROM api.user_preferences WHERE user_id = ?",
                        (row, n) -> DeliveryPreferences.stored(
                                row.getString("time_zone"),
                                row.getObject("quiet_start", LocalTime.class),
                                row.getObject("quiet_end", LocalTime.class),
                                row.getString("daily_caps")),
                        userId)
                .stream()
                .findFirst()
                .orElse(DeliveryPreferences.NONE);
    }
}
