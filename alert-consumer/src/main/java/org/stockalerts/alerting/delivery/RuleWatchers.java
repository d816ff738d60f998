package org.stockalerts.alerting.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.common.event.Symbol;

/**
 * Reads who watches a symbol from the API's rules ({@code api.alert_rules}), read-only: api-service owns and writes
 * it, and grants this service SELECT on it.
 */
@Repository
@RequiredArgsConstructor
public class RuleWatchers {

    private final JdbcTemplate jdbc;

    /**
     * The users with an active rule on {@code symbol} at {@code now}: not paused, not triggered for good, not expired
     * (a snoozed rule is active: it fires again once the snooze ends).
     */
    public List<UUID> of(Symbol symbol, Instant now) {
        return jdbc.queryForList(
                "SELECT DISTINCT user_id FROM api.alert_rules WHERE symbol = ? AND status = 'ACTIVE'"
                        + " AND (expires_at IS NULL OR expires_at > ?) ORDER BY user_id",
                UUID.class,
                symbol.value(),
                Timestamp.from(now));
    }
}
