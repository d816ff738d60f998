package org.stockalerts.api.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link OutboxRelay} on one thread of its own (so a slow broker never holds up other
 * scheduled work): a full batch is followed at once by the next, an empty or failed one by a pause;
 * a commit that wrote to the outbox wakes it at once ({@link #wakeUp()}).
 */
public class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final OutboxRelay relay;
    private final OutboxSettings settings;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile long retryNotBefore = System.nanoTime();
    private long nextPurge = System.nanoTime();

    OutboxRelayScheduler(OutboxRelay relay, OutboxSettings settings) {
        this.relay = relay;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("outbox-relay").daemon().factory());
        executor.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /**
     * Publishes soon after a commit instead of at the next poll; wake-ups coalesce, and none is
     * taken while the relay is backing off from a failure.
     */
    public synchronized void wakeUp() {
        if (executor != null && !executor.isShutdown() && wakeRequested.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeRequested.set(false);
                if (System.nanoTime() - retryNotBefore >= 0) {
                    publishAll();
                }
            });
        }
    }

    private void tick() {
        long pauseMillis = publishAll();
        if (System.nanoTime() - nextPurge >= 0) {
            nextPurge = System.nanoTime() + settings.purgeInterval().toNanos();
            purge();
        }
        reschedule(pauseMillis);
    }

    private void purge() {
        try {
            int purged = relay.purgePublished();
            log.atInfo().addKeyValue("purged", purged).log("published outbox events past retention deleted");
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("error", e.getMessage()).log("outbox purge failed; retried next interval");
        }
    }

    /** Publishes until the outbox is drained; returns the pause before the next look. */
    private long publishAll() {
        try {
            int published;
            do {
                published = relay.publishBatch();
            } while (published == settings.batchSize()
                    && !Thread.currentThread().isInterrupted());
            return settings.pollInterval().toMillis();
        } catch (RuntimeException e) {
            long pauseMillis = settings.retryBackoff().toMillis();
            retryNotBefore = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
            log.atWarn()
                    .addKeyValue("retryInMillis", pauseMillis)
                    .addKeyValue("error", e.getMessage())
                    .log("outbox relay could not publish; retrying");
            return pauseMillis;
        }
    }

    private synchronized void reschedule(long pauseMillis) {
        if (executor != null && !executor.isShutdown()) {
            executor.schedule(this::tick, pauseMillis, TimeUnit.MILLISECONDS);
        }
    }
}
