package org.stockalerts.api.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.api.web.NotFoundException;

/**
 * The delivery log of one fired alert, from {@code alerting.alert_deliveries} (written by
 * alert-consumer), grouped by channel target. Until alert-consumer has created that table it is empty.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertDeliveries {

    private final JdbcTemplate jdbc;

    /** One attempt to deliver through one target. */
    record Attempt(
            int attempt, Instant attemptedAt, String outcome, Integer statusCode, String error, Integer latencyMs) {}

    /**
     * One channel target of the alert.
     *
     * @param state the outcome of the last attempt: DELIVERED, RETRYING, FAILED or SKIPPED
     */
    record Target(String channel, UUID channelId, String state, List<Attempt> attempts) {}

    private record Row(String channel, UUID channelId, Attempt attempt) {}

    /**
     * @throws NotFoundException when the alert is neither in the user's delivery log nor among their fired alerts
     */
    List<Target> of(UUID alertId, UUID userId) {
        List<Row> rows = rows(alertId, userId);
        if (rows.isEmpty() && !isFiredFor(alertId, userId)) {
            throw new NotFoundException("alert", alertId);
        }
        Map<List<Object>, List<Row>> byTarget = new LinkedHashMap<>();
        rows.forEach(
                row -> byTarget.computeIfAbsent(Arrays.asList(row.channel(), row.channelId()), key -> new ArrayList<>())
                        .add(row));
        return byTarget.values().stream()
                .map(attempts -> new Target(
                        attempts.getFirst().channel(),
                        attempts.getFirst().channelId(),
                        attempts.getLast().attempt().outcome(),
                        attempts.stream().map(Row::attempt).toList()))
                .toList();
    }

    private List<Row> rows(UUID alertId, UUID userId) {
        try {
            return jdbc.query(
                    "SELECT channel, channel_id, attempt, attempted_at, outcome, status_code, error, latency_ms"
                            + " FROM alerting.alert_deliveries WHERE alert_id = ? AND user_id = ?"
                            + " ORDER BY channel, channel_id, attempt",
                    (row, n) -> new Row(
                            row.getString("channel"),
                            row.getObject("channel_id", UUID.class),
                            new Attempt(
                                    row.getInt("attempt"),
                                    row.getTimestamp("attempted_at").toInstant(),
                                    row.getString("outcome"),
                                    row.getObject("status_code", Integer.class),
                                    row.getString("error"),
                                    row.getObject("latency_ms", Integer.class))),
                    alertId,
                    userId);
        } catch (BadSqlGrammarException noTableYet) {
            return List.of();
        }
    }

    private boolean isFiredFor(UUID alertId, UUID userId) {
        try {
            return Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT exists (SELECT 1 FROM persistence.alerts WHERE alert_id = ? AND user_id = ?)",
                    Boolean.class,
                    alertId,
                    userId));
        } catch (BadSqlGrammarException noTableYet) {
            return false;
        }
    }
}
