package org.stockalerts.api.outbox;

import java.time.Duration;
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
    private final DedicatedThread thread;
    private volatile long retryNotBefore = System.nanoTime();
    private long nextPurge = System.nanoTime();

    OutboxRelayScheduler(OutboxRelay relay, OutboxSettings settings) {
        this.relay = relay;
        this.settings = settings;
        this.thread = new DedicatedThread("outbox-relay", settings.sendTimeout());
    }

    @Override
    public void start() {
        if (thread.start()) {
            thread.schedule(this::tick, Duration.ZERO);
        }
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }

    /**
     * Publishes soon after a commit instead of at the next poll; wake-ups coalesce, and none is
     * taken while the relay is backing off from a failure.
     */
    public void wakeUp() {
        if (wakeRequested.compareAndSet(false, true) && !thread.execute(this::wokenUp)) {
            wakeRequested.set(false);
        }
    }

    private void wokenUp() {
        wakeRequested.set(false);
        if (System.nanoTime() - retryNotBefore >= 0) {
            publishAll();
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
            (purged > 0 ? log.atInfo() : log.atDebug())
                    .addKeyValue("purged", purged)
                    .log("published outbox events past retention deleted");
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

    private void reschedule(long pauseMillis) {
        thread.schedule(this::tick, Duration.ofMillis(pauseMillis));
    }
}
