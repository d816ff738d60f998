package org.stockalerts.api.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.Event;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.tracing.TraceParents;

/**
 * Records events in {@code api.outbox} inside the caller's transaction, so the change and its
 * event commit together or not at all. The {@link OutboxRelay} publishes them afterwards, in the trace of
 * the request that wrote them: each row keeps that request's traceparent.
 */
@Component
@RequiredArgsConstructor
public class OutboxWriter {

    /** Event type recorded for a rule deletion, published as a tombstone. */
    static final String RULE_DELETED = "AlertRuleDeleted";

    private static final String INSERT = "INSERT INTO api.outbox (event_id, topic, message_key, event_type, payload,"
            + " created_at, traceparent) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)";

    private final JdbcTemplate jdbc;
    private final ObjectProvider<OutboxRelayScheduler> relay;
    private final TraceParents traces;

    /** A user, portfolio or channel event for {@code user-events}, keyed by userId. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void userEvent(UserEvent event) {
        insert(event, Topics.USER_EVENTS, event.userId(), EventJson.write(event));
    }

    /** A rule definition for {@code alert-rules}, keyed by ruleId. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ruleChanged(AlertRuleChanged event) {
        insert(event, Topics.ALERT_RULES, event.rule().ruleId(), EventJson.write(event));
    }

    /** The tombstone of a deleted rule: the rule's key with no value, so compaction forgets it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ruleDeleted(UUID eventId, UUID ruleId, Instant at) {
        jdbc.update(
                INSERT,
                eventId,
                Topics.ALERT_RULES.name(),
                ruleId.toString(),
                RULE_DELETED,
                null,
                Timestamp.from(at),
                traces.current().orElse(null));
        wakeRelayAfterCommit();
    }

    /**
     * Deletes every {@code user-events} row of {@code userId}, published, pending or quarantined: their
     * payloads carry the user's name, e-mail address and channel addresses. Called as the user is
     * deleted, before the {@code UserDeleted} that supersedes whatever of them was still pending.
     *
     * @return how many rows were deleted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forgetUser(UUID userId) {
        return jdbc.update(
                "DELETE FROM api.outbox WHERE topic = ? AND message_key = ?",
                Topics.USER_EVENTS.name(),
                userId.toString());
    }

    private void insert(Event event, TopicSpec<?> topic, UUID key, byte[] json) {
        jdbc.update(
                INSERT,
                event.eventId(),
                topic.name(),
                key.toString(),
                event.getClass().getSimpleName(),
                new String(json, StandardCharsets.UTF_8),
                Timestamp.from(event.occurredAt()),
                traces.current().orElse(null));
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.ifAvailable(OutboxRelayScheduler::wakeUp);
            }
        });
    }
}
