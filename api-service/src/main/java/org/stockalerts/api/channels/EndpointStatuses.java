package org.stockalerts.api.channels;

import java.sql.Timestamp;
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
 * How alert-consumer sees each of a user's channels called over HTTP, from {@code alerting.endpoint_states}: whether
 * it disabled it after it kept failing (or answered 410 Gone, or gave final errors), and its health (failures since
 * the last success, the last error). alert-consumer writes it, this service only reads it. Until alert-consumer has
 * created that table every channel is healthy.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EndpointStatuses {

    /** A channel alert-consumer stopped delivering to, since {@code at}, for {@code reason}. */
    record Disabled(Instant at, String reason) {}

    /**
     * A channel failing since its last success.
     *
     * @param consecutiveFailures attempts failed since the last success
     * @param permanentFailures those of them refused for good by the provider
     * @param lastError the last failure's error (never a secret)
     */
    record Health(
            int consecutiveFailures,
            int permanentFailures,
            Instant failingSince,
            String lastError,
            Instant lastFailureAt) {}

    /** What alert-consumer knows of one channel: disabled or not (null), its health (null: healthy). */
    record State(Disabled disabled, Health health) {}

    private final JdbcTemplate jdbc;

    /** The user's channels alert-consumer knows a failure of, by id; the others are healthy. */
    Map<UUID, State> states(UUID userId) {
        Map<UUID, State> states = new HashMap<>();
        try {
            jdbc.query(
                    "SELECT channel_id, disabled_at, disabled_reason, failing_since, consecutive_failures,"
                            + " permanent_failures, last_error, last_failure_at FROM alerting.endpoint_states"
                            + " WHERE user_id = ?",
                    row -> {
                        Timestamp disabledAt = row.getTimestamp("disabled_at");
                        Timestamp failingSince = row.getTimestamp("failing_since");
                        Timestamp lastFailureAt = row.getTimestamp("last_failure_at");
                        int failures = row.getInt("consecutive_failures");
                        states.put(
                                row.getObject("channel_id", UUID.class),
                                new State(
                                        disabledAt == null
                                                ? null
                                                : new Disabled(
                                                        disabledAt.toInstant(), row.getString("disabled_reason")),
                                        failures == 0
                                                ? null
                                                : new Health(
                                                        failures,
                                                        row.getInt("permanent_failures"),
                                                        failingSince == null ? null : failingSince.toInstant(),
                                                        row.getString("last_error"),
                                                        lastFailureAt == null ? null : lastFailureAt.toInstant())));
                    },
                    userId);
        } catch (BadSqlGrammarException noTableYet) {
            return Map.of();
        }
        return states;
    }
}
