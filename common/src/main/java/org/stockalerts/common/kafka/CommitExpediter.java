package org.stockalerts.common.kafka;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Asks Kafka Streams for a commit right after the current batch when a fresh input produced
 * something a reader is waiting for: an alert, or a record on its way through a repartition topic to
 * the task that evaluates it (a rule change, a tick re-routed to its symbol's partition). Under
 * exactly-once an output is readable, by the alert's readers and by the application's own next
 * sub-topology alike, only once the transaction that wrote it commits, so without this its latency
 * is up to a whole commit interval; with it, a live input costs one transaction, while a backlog
 * (inputs older than the limit) is worked off at the commit interval's pace. The alert engine's
 * limit is {@code stockalerts.engine.expedite-commit-within}.
 */
public final class CommitExpediter {

    private final long withinMs;

    /** Expedites outputs of inputs at most {@code within} older than the wall clock; zero never does. */
    public CommitExpediter(Duration within) {
        this.withinMs = within.toMillis();
    }

    /** Called after forwarding an output of {@code input} that a reader waits for. */
    public void outputForwarded(ProcessingContext context, Record<?, ?> input) {
        if (withinMs > 0 && context.currentSystemTimeMs() - input.timestamp() <= withinMs) {
            context.commit();
        }
    }
}
