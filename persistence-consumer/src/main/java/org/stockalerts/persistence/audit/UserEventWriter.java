package org.stockalerts.persistence.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.UserDeleted;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.persistence.erasure.UserErasure;
import org.stockalerts.persistence.ingest.MultiRowInsert;
import org.stockalerts.persistence.ingest.TableWriter;

/**
 * Appends user events to user_event_log; an event already logged (same eventId) is skipped. A
 * {@link UserDeleted} also erases what is stored of the user ({@link UserErasure}) in the same
 * transaction: the user's events are keyed by userId, so none of theirs comes after it.
 */
@Component
@RequiredArgsConstructor
public class UserEventWriter implements TableWriter<UserEvent> {

    private static final MultiRowInsert INSERT = new MultiRowInsert(
            "user_event_log", List.of("event_id", "user_id", "event_type", "occurred_at", "payload::jsonb"));

    private final JdbcTemplate jdbc;
    private final UserErasure erasure;

    @Override
    public Optional<String> refusal(UserEvent event) {
        return Optional.empty();
    }

    @Override
    public int insertNew(List<UserEvent> events) {
        int inserted = INSERT.insert(jdbc, events, event -> new Object[] {
            event.eventId(),
            event.userId(),
            event.getClass().getSimpleName(),
            MultiRowInsert.timestamp(event.occurredAt()),
            new String(EventJson.write(event), StandardCharsets.UTF_8)
        });
        erasure.erase(events.stream()
                .filter(UserDeleted.class::isInstance)
                .map(UserEvent::userId)
                .distinct()
                .toList());
        return inserted;
    }
}
