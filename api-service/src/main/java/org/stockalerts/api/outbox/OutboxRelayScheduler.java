package org.stockalerts.api.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link OutboxRelay} on one thread of its own (so a slow broker never holds up other
 * scheduled work): a full batch is followed at once by the next, an empty or failed one by a pause.
 */
public class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final OutboxRelay relay;
    private final OutboxSettings settings;
    private ScheduledExecutorService executor;

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
        executor.schedule(this::drain, 0, TimeUnit.MILLISECONDS);
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

    private void drain() {
        long pauseMillis = settings.pollInterval().toMillis();
        try {
            int published;
            do {
                published = relay.publishBatch();
            } while (published == settings.batchSize()
                    && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            pauseMillis = settings.retryBackoff().toMillis();
            log.atWarn()
                    .addKeyValue("retryInMillis", pauseMillis)
                    .addKeyValue("error", e.getMessage())
                    .log("outbox relay could not publish; retrying");
        }
        reschedule(pauseMillis);
    }

    private synchronized void reschedule(long pauseMillis) {
        if (executor != null && !executor.isShutdown()) {
            executor.schedule(this::drain, pauseMillis, TimeUnit.MILLISECONDS);
        }
    }
}
