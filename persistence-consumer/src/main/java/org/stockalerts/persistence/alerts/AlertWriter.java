package org.stockalerts.persistence.alerts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.persistence.ingest.MultiRowInsert;
import org.stockalerts.persistence.ingest.SqlErrors;
import org.stockalerts.persistence.ingest.TableWriter;

/**
 * Writes fired alerts into alerts, each with the partition and offset of its record (the alert's
 * cursor, see docs/delivery.md); an alert already stored (same alertId or eventId) is skipped, so a
 * duplicate keeps the position it was first stored with.
 */
@Component
@RequiredArgsConstructor
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
                    "payload::jsonb",
                    "kafka_partition",
                    "kafka_offset"));

    /** Where an alert sits in its topic; null for both when unknown. */
    private record Positioned(AlertTriggered alert, Integer partition, Long offset) {}

    private final JdbcTemplate jdbc;

    @Override
    public Optional<String> refusal(AlertTriggered alert) {
        return SqlErrors.numericOverflow(alert.observedValue(), "observedValue");
    }

    /** Stores {@code alerts} without a topic position, as rows written before positions were kept. */
    @Override
    public int insertNew(List<AlertTriggered> alerts) {
        return insert(
                alerts.stream().map(alert -> new Positioned(alert, null, null)).toList());
    }

    @Override
    public int insertNewRecords(List<ConsumerRecord<String, AlertTriggered>> records) {
        return insert(records.stream()
                .map(record -> new Positioned(record.value(), record.partition(), record.offset()))
                .toList());
    }

    private int insert(List<Positioned> alerts) {
        return INSERT.insert(jdbc, alerts, positioned -> {
            AlertTriggered alert = positioned.alert();
            return new Object[] {
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
                new String(EventJson.write(alert), StandardCharsets.UTF_8),
                positioned.partition(),
                positioned.offset()
            };
        });
    }
}
