package org.stockalerts.api.channels;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which of a user's webhooks alert-consumer disabled after they kept failing (or answered 410 Gone),
 * from {@code alerting.endpoint_states}: alert-consumer writes it, this service only reads it. Until
 * alert-consumer has created that table no channel is disabled.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EndpointStatuses {

    /** A channel alert-consumer stopped delivering to, since {@code at}, for {@code reason}. */
    record Disabled(Instant at, String reason) {}

    private final JdbcTemplate jdbc;

    /** The user's disabled channels by id. */
    Map<UUID, Disabled> disabled(UUID userId) {
        Map<UUID, Disabled> disabled = new HashMap<>();
        try {
            jdbc.query(
                    "SELECT channel_id, disabled_at, disabled_reason FROM alerting.endpoint_states"
                            + " WHERE user_id = ? AND disabled_at IS NOT NULL",
                    row -> {
                        disabled.put(
                                row.getObject("channel_id", UUID.class),
                                new Disabled(
                                        row.getTimestamp("disabled_at").toInstant(), row.getString("disabled_reason")));
                    },
                    userId);
        } catch (BadSqlGrammarException noTableYet) {
            return Map.of();
        }
        return disabled;
    }
}
