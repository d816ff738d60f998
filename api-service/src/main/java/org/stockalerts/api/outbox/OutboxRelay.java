package org.stockalerts.api.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.common.tracing.TraceParents;

/**
 * Publishes the outbox: in one transaction, takes the relay's advisory lock (so of several
 * instances only one publishes at a time, which keeps each key's events in commit order), locks the
 * oldest unpublished rows ({@code FOR UPDATE SKIP LOCKED}), sends them in id order, waits for the
 * broker's acknowledgements and marks the acknowledged prefix published. A row is marked only after
 * Kafka has it, so a crash or an unreachable broker leads to a resend with the same eventId, never
 * to a loss. An event the broker can never take ({@link Unpublishable}) is quarantined: marked with
 * its reason, logged once, counted in {@value #QUARANTINED}, and the relay goes on with the next
 * event instead of retrying it forever in front of everyone else's.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Header carrying the event id on every record, tombstones included. */
    public static final String EVENT_ID_HEADER = "eventId";

    /** Header naming the event type, e.g. {@code PortfolioChanged} or {@code AlertRuleDeleted}. */
    public static final String EVENT_TYPE_HEADER = "eventType";

    /** Counter of events quarantined because they can never be published, tagged with the error. */
    static final String QUARANTINED = "stockalerts.api.outbox.quarantined";

    /**
     * Timer of the delay from an outbox row's write (its {@code created_at}, in the request's transaction) to
     * Kafka's acknowledgement of its event: how long a committed change takes to reach the topic.
     */
    static final String PUBLISH_DELAY = "stockalerts.api.outbox.publish.delay";

    /** Name of the span from an outbox row's write to Kafka's acknowledgement of its event. */
    static final String SPAN = "outbox publish";

    private static final String SELECT_BATCH = "SELECT id, event_id, topic, message_key, event_type,"
            + " payload::text AS payload, created_at, traceparent FROM api.outbox WHERE published_at IS NULL AND quarantined_at IS NULL"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    /** Key of the transaction-scoped advisory lock held by the publishing relay ("outbox" in ASCII). */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(?)";
    private static final String PURGE = "DELETE FROM api.outbox WHERE published_at < ?";
    private static final String MARK_PUBLISHED = "UPDATE api.outbox SET published_at = ? WHERE id = ANY (?)";
    private static final String QUARANTINE =
            "UPDATE api.outbox SET quarantined_at = ?, quarantine_reason = ? WHERE id = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<Object, Object> kafka;
    private final OutboxSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TraceParents traces;

    private record Pending(
            long id,
            UUID eventId,
            String topic,
            String key,
            String type,
            String payload,
            Instant createdAt,
            String traceparent) {}

    /** The leading events of a batch that are done with: acknowledged by Kafka, or quarantined. */
    private record Settled(List<Long> acknowledged, int quarantined) {

        int count() {
            return acknowledged.size() + quarantined;
        }
    }

    /**
     * Publishes one batch.
     *
     * @return how many events Kafka acknowledged (and are now marked published) or were quarantined;
     *     0 as well while another instance holds the relay lock
     * @throws OutboxPublishException when the first event of the batch could not be published and
     *     may be on a later try
     */
    public int publishBatch() {
        Integer published = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(TRY_LOCK, Boolean.class, RELAY_LOCK))) {
                return 0;
            }
            List<Pending> batch = jdbc.query(
                    SELECT_BATCH,
                    (row, n) -> new Pending(
                            row.getLong("id"),
                            row.getObject("event_id", UUID.class),
                            row.getString("topic"),
                            row.getString("message_key"),
                            row.getString("event_type"),
                            row.getString("payload"),
                            row.getTimestamp("created_at").toInstant(),
                            row.getString("traceparent")),
                    settings.batchSize());
            Settled settled = send(batch);
            if (!settled.acknowledged().isEmpty()) {
                jdbc.update(
                        MARK_PUBLISHED,
                        Timestamp.from(clock.instant()),
                        settled.acknowledged().toArray(Long[]::new));
            }
            return settled.count();
        });
        return published == null ? 0 : published;
    }

    /** Deletes the events published longer ago than the retention; returns how many. */
    public int purgePublished() {
        return jdbc.update(PURGE, Timestamp.from(clock.instant().minus(settings.retention())));
    }

    private Settled send(List<Pending> batch) {
        List<CompletableFuture<SendResult<Object, Object>>> sends = new ArrayList<>(batch.size());
        try {
            for (Pending event : batch) {
                byte[] value = event.payload() == null ? null : event.payload().getBytes(StandardCharsets.UTF_8);
                ProducerRecord<Object, Object> record = new ProducerRecord<>(event.topic(), event.key(), value);
                record.headers()
                        .add(EVENT_ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8))
                        .add(EVENT_TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
                sends.add(publish(event, record));
            }
        } catch (RuntimeException e) {
            sends.add(CompletableFuture.failedFuture(e));
        }
        return acknowledgedPrefix(batch, sends);
    }

    /**
     * Sends {@code record} in the trace of the request that wrote its row: inside an {@value #SPAN} span that
     * began when the row was written and ends with the broker's answer, so the observed template's send is
     * its child and the record carries its traceparent.
     */
    private CompletableFuture<SendResult<Object, Object>> publish(
            Pending event, ProducerRecord<Object, Object> record) {
        Optional<Span> waited = traces.startChild(event.traceparent(), SPAN, event.createdAt());
        if (waited.isEmpty()) {
            return kafka.send(record);
        }
        Span span = waited.get().tag("event.id", event.eventId().toString()).tag("event.type", event.type());
        try (Tracer.SpanInScope scope = traces.inScope(span)) {
            return kafka.send(record).whenComplete((result, error) -> {
                if (error != null) {
                    span.error(error);
                }
                span.end();
            });
        } catch (RuntimeException e) {
            span.error(e).end();
            throw e;
        }
    }

    private Settled acknowledgedPrefix(List<Pending> batch, List<CompletableFuture<SendResult<Object, Object>>> sends) {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>();
        int quarantined = 0;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).id());
                publishDelay().record(Duration.between(batch.get(i).createdAt(), clock.instant()));
            } catch (ExecutionException e) {
                Optional<Throwable> reason = Unpublishable.reason(e.getCause());
                if (reason.isEmpty()) {
                    return stopAt(batch.get(i), new Settled(acknowledged, quarantined), e);
                }
                quarantine(batch.get(i), reason.get());
                quarantined++;
            } catch (TimeoutException e) {
                return stopAt(batch.get(i), new Settled(acknowledged, quarantined), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Settled(acknowledged, quarantined);
            }
        }
        return new Settled(acknowledged, quarantined);
    }

    private Timer publishDelay() {
        return Timer.builder(PUBLISH_DELAY)
                .description("From an outbox row's write to Kafka's acknowledgement of its event")
                .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(25),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250))
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    private void quarantine(Pending event, Throwable reason) {
        String error = reason.getClass().getSimpleName();
        jdbc.update(QUARANTINE, Timestamp.from(clock.instant()), error + ": " + reason.getMessage(), event.id());
        meters.counter(QUARANTINED, "error", error).increment();
        log.atError()
                .addKeyValue("eventId", event.eventId())
                .addKeyValue("eventType", event.type())
                .addKeyValue("topic", event.topic())
                .addKeyValue("error", error)
                .addKeyValue("reason", reason.getMessage())
                .log("outbox event can never be published; quarantined");
    }

    private static Settled stopAt(Pending failed, Settled settled, Exception e) {
        if (settled.count() == 0) {
            throw new OutboxPublishException(failed.eventId(), e);
        }
        log.atWarn()
                .addKeyValue("eventId", failed.eventId())
                .addKeyValue("settled", settled.count())
                .log("outbox batch published in part; the rest is retried");
        return settled;
    }
}
