package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Makes the retries parked in the database when they are due: every {@code retryPollInterval} it
 * claims a batch ({@link ParkedRetries#claim}, safe with any number of instances) and hands each to
 * {@link DeliveryService}, which sends it with the same signature, SSRF policy and circuit breaker as
 * the Kafka path and parks the next attempt if this one fails too. A batch's retries are sent by
 * {@code retryConcurrency} workers, so one slow receiver holds up only its own worker, and a full batch
 * is followed at once by the next claim: a backlog (the retries a closed circuit released, say) drains
 * as fast as its receivers answer, not one batch per interval.
 */
@Component
public class RetryPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetryPoller.class);

    private final ParkedRetries retries;
    private final DeliveryService deliveries;
    private final DeliverySettings settings;
    private final Clock clock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private ExecutorService workers;
    private ScheduledFuture<?> polling;
    private volatile boolean running;

    public RetryPoller(ParkedRetries retries, DeliveryService deliveries, DeliverySettings settings, Clock clock) {
        this.retries = retries;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
        scheduler.setThreadNamePrefix("delivery-parked-");
        // a stop lets the retries in hand finish rather than interrupting their calls
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationMillis(settings.retryLease().toMillis());
    }

    @Override
    public synchronized void start() {
        workers = Executors.newFixedThreadPool(
                settings.retryConcurrency(),
                Thread.ofPlatform().name("delivery-parked-worker-", 1).factory());
        running = true;
        scheduler.initialize();
        polling = scheduler.scheduleWithFixedDelay(this::pollSafely, settings.retryPollInterval());
    }

    @Override
    public synchronized void stop() {
        running = false;
        polling.cancel(false);
        // the batch in hand is finished (the scheduler waits for it), no new one is claimed
        scheduler.shutdown();
        workers.shutdown();
        polling = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return polling != null;
    }

    /** Makes one batch of the retries due now, and waits for it; returns how many it claimed. */
    int poll() {
        Instant now = clock.instant();
        List<ParkedRetries.Due> due = retries.claim(now, now.plus(settings.retryLease()), settings.retryBatchSize());
        List<Future<?>> sent = due.stream()
                .<Future<?>>map(retry -> workers.submit(() -> retrySafely(retry)))
                .toList();
        for (Future<?> each : sent) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // retrySafely catches what it can; an Error is logged, its row comes due when its lease ends
                log.atError().setCause(e.getCause()).log("parked delivery retry failed");
            }
        }
        return due.size();
    }

    /** One retry on a worker: a failure to reach the database leaves the row due again when its lease ends. */
    private void retrySafely(ParkedRetries.Due due) {
        try {
            retry(due);
        } catch (RuntimeException e) {
            log.atWarn()
                    .addKeyValue("alertId", due.request().alert().alertId())
                    .addKeyValue("channelId", due.request().channelId())
                    .addKeyValue("error", e.toString())
                    .log("parked delivery retry not finished; it is due again when its lease ends");
        }
    }

    private void retry(ParkedRetries.Due due) {
        try {
            deliveries.deliverParked(due.request(), due.attempt());
        } catch (DeliveryFailedException | DeliveryRefusedException e) {
            log.atWarn()
                    .addKeyValue("alertId", due.request().alert().alertId())
                    .addKeyValue("userId", due.request().alert().userId())
                    .addKeyValue("channelId", due.request().channelId())
                    .addKeyValue("attempt", due.attempt())
                    .log("delivery given up: {}", e.getMessage());
        }
        retries.done(due);
    }

    /**
     * The scheduler's boundary: a poll that fails (the database unreachable) leaves its claimed rows to
     * come due again when their lease ends, and the next poll tries again.
     */
    private void pollSafely() {
        try {
            while (poll() == settings.retryBatchSize()
                    && running
                    && !Thread.currentThread().isInterrupted()) {
                // a full batch: more may be due, so claim again now rather than after the interval
            }
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("error", e.toString()).log("parked delivery retries not polled");
        }
    }
}
