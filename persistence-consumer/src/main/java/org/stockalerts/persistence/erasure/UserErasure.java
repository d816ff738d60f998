package org.stockalerts.persistence.erasure;

import java.util.Collection;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Forgets deleted users, in the transaction that stores their {@code UserDeleted}: their user events
 * (names, e-mail and channel addresses) leave the audit log, which keeps only the deletion itself, and
 * their fired alerts leave the history. Running it again changes nothing, so a redelivered batch is safe.
 */
@Component
@RequiredArgsConstructor
public class UserErasure {

    private static final Logger log = LoggerFactory.getLogger(UserErasure.class);

    /** The event type kept in the audit log: it names the user by id only. */
    static final String KEPT_EVENT_TYPE = "UserDeleted";

    private final JdbcTemplate jdbc;

    /** Erases what is stored of {@code userIds}; run inside the caller's transaction. */
    public void erase(Collection<UUID> userIds) {
        for (UUID userId : userIds) {
            int events = jdbc.update(
                    "DELETE FROM user_event_log WHERE user_id = ? AND event_type <> ?", userId, KEPT_EVENT_TYPE);
            int alerts = jdbc.update("DELETE FROM alerts WHERE user_id = ?", userId);
            log.atInfo()
                    .addKeyValue("userId", userId)
                    .addKeyValue("userEvents", events)
                    .addKeyValue("alerts", alerts)
                    .log("deleted user's history erased");
        }
    }
}
