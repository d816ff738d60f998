package org.stockalerts.common.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * What a Kafka Streams client does when one of its stream threads dies: it replaces the thread (whose
 * tasks then resume from their last commit, the failed transaction aborted) at most
 * {@code maxReplacements} times within a sliding {@code window}; one death more shuts the client down,
 * which its health check reports DOWN. A transient fault costs a thread; a fault that comes back on
 * every attempt stops the client loudly instead of replacing threads forever.
 */
public class BoundedThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(BoundedThreadReplacement.class);

    private final Clock clock;
    private final int maxReplacements;
    private final Duration window;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private int replaced;

    public BoundedThreadReplacement(Clock clock, int maxReplacements, Duration window) {
        if (maxReplacements < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "needs a budget of 0 or more in a positive window, was " + maxReplacements + " in " + window);
        }
        this.clock = clock;
        this.maxReplacements = maxReplacements;
        this.window = window;
    }

    public BoundedThreadReplacement(Clock clock, StreamsClientSettings settings) {
        this(clock, settings.maxThreadReplacements(), settings.replacementWindow());
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
        if (recent.size() >= maxReplacements) {
            described(log.atError(), exception)
                    .log("stream thread died past its replacement budget: shutting the Streams client down");
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        replaced++;
        described(log.atWarn(), exception)
                .addKeyValue("replacedThreads", replaced)
                .log("stream thread died: replacing it");
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private LoggingEventBuilder described(LoggingEventBuilder event, Throwable exception) {
        return event.setCause(exception)
                .addKeyValue("thread", Thread.currentThread().getName())
                .addKeyValue("replacementsInWindow", recent.size())
                .addKeyValue("maxReplacements", maxReplacements)
                .addKeyValue("window", window);
    }

    /** How many stream threads this client has replaced since it started. */
    public synchronized int replacedThreads() {
        return replaced;
    }
}
