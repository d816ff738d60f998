package org.stockalerts.api.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired stored answers every {@link IdempotencySettings#cleanupInterval()}, on a thread of
 * its own. Lookups already ignore an expired answer, so a late or failed cleanup only keeps rows longer.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ExpiredAnswersCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredAnswersCleanup.class);

    private final StoredAnswers answers;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /** Deletes the answers expired now; returns how many. */
    int deleteExpired() {
        int deleted = answers.deleteExpired();
        log.atInfo().addKeyValue("deleted", deleted).log("expired idempotency keys deleted");
        return deleted;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        long millis = interval.toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("idempotency-cleanup").daemon().factory());
        executor.scheduleWithFixedDelay(this::deleteLogged, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void deleteLogged() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again; the next interval tries anew
            log.atWarn().addKeyValue("error", e.getMessage()).log("idempotency key cleanup failed");
        }
    }
}
