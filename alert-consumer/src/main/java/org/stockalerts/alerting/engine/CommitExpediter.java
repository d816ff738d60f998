package org.stockalerts.alerting.engine;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Asks Kafka Streams for a commit right after the current batch when a fresh input produced
 * something a reader is waiting for: an alert, or a rule change on its way to the partition that
 * evaluates it (see {@link EngineSettings#expediteCommitWithin()}). Under exactly-once an output is
 * readable, by the alert's readers and by the engine's own next sub-topology alike, only once the
 * transaction that wrote it commits, so without this its latency is up to a whole commit interval;
 * with it, a live alert costs one transaction, while a backlog (inputs older than the limit) is
 * worked off at the commit interval's pace.
 */
final class CommitExpediter {

    private final long withinMs;

    CommitExpediter(Duration within) {
        this.withinMs = within.toMillis();
    }

    /** Called after forwarding an output of {@code input} that a reader waits for. */
    void outputForwarded(ProcessorContext<?, ?> context, Record<?, ?> input) {
        if (withinMs > 0 && context.currentSystemTimeMs() - input.timestamp() <= withinMs) {
            context.commit();
        }
    }
}
