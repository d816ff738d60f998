package org.stockalerts.persistence.alerts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.persistence.ingest.MultiRowInsert;
import org.stockalerts.persistence.ingest.SqlErrors;
import org.stockalerts.persistence.ingest.TableWriter;

/** Writes fired alerts into alerts; an alert already stored (same alertId or eventId) is skipped. */
@Component
public class AlertWriter implements TableWriter<AlertTriggered> {

    private static final MultiRowInsert INSERT = new MultiRowInsert(
            "alerts",
            List.of(
                    "alert_id",
                    "event_id",
                    "user_id",
                    "rule_id",
                    "symbol",
                    "condition",
                    "observed_value",
                    "message",
                    "source_event_id",
                    "observed_at",
                    "triggered_at",
                    "payload"),
            List.of("?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?::jsonb"));

    private final JdbcTemplate jdbc;

    public AlertWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> refusal(AlertTriggered alert) {
        return SqlErrors.numericOverflow(alert.observedValue(), "observedValue");
    }

    @Override
    public int insertNew(List<AlertTriggered> alerts) {
        return INSERT.insert(jdbc, alerts, alert -> new Object[] {
            alert.alertId(),
            alert.eventId(),
            alert.userId(),
            alert.ruleId(),
            alert.symbol() == null ? null : alert.symbol().value(),
            alert.rule().condition().name(),
            alert.observedValue(),
            alert.message(),
            alert.sourceEventId(),
            MultiRowInsert.timestamp(alert.observedAt()),
            MultiRowInsert.timestamp(alert.occurredAt()),
            new String(EventJson.write(alert), StandardCharsets.UTF_8)
        });
    }
}
