package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * the Kafka path and parks the next attempt if this one fails too.
 */
@Component
public class RetryPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetryPoller.class);

    private final ParkedRetries retries;
    private final DeliveryService deliveries;
    private final DeliverySettings settings;
    private final Clock clock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private ScheduledFuture<?> polling;

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
        scheduler.initialize();
        polling = scheduler.scheduleWithFixedDelay(this::pollSafely, settings.retryPollInterval());
    }

    @Override
    public synchronized void stop() {
        polling.cancel(false);
        scheduler.shutdown();
        polling = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return polling != null;
    }

    /** Makes the retries due now; returns how many it claimed. */
    int poll() {
        Instant now = clock.instant();
        List<ParkedRetries.Due> due = retries.claim(now, now.plus(settings.retryLease()), settings.retryBatchSize());
        due.forEach(this::retry);
        return due.size();
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
            poll();
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("error", e.toString()).log("parked delivery retries not polled");
        }
    }
}
