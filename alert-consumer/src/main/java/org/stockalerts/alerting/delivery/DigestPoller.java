package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sends the digests of held deliveries when they are due: every {@code retryPollInterval} it finds the channel
 * targets with held deliveries due, claims each target's ({@link HeldDeliveries#claim}, safe with any number of
 * instances) and hands them to {@link DeliveryService#deliverDigest}, which sends them as one message. A digest that
 * failed is put back for its next attempt; one whose user's quiet hours began meanwhile waits for their end.
 */
@Component
public class DigestPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestPoller.class);

    private final HeldDeliveries held;
    private final DeliveryService deliveries;
    private final DeliverySettings settings;
    private final Clock clock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private ScheduledFuture<?> polling;

    public DigestPoller(HeldDeliveries held, DeliveryService deliveries, DeliverySettings settings, Clock clock) {
        this.held = held;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
        scheduler.setThreadNamePrefix("delivery-digest-");
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

    /** Sends the digests due now; returns how many targets it found due. */
    int poll() {
        List<UUID> targets = held.dueTargets(clock.instant(), settings.retryBatchSize());
        for (UUID target : targets) {
            sendSafely(target);
        }
        return targets.size();
    }

    /** One target's digest: a failure to reach the database leaves its rows due again when their lease ends. */
    private void sendSafely(UUID channelId) {
        try {
            send(channelId);
        } catch (RuntimeException e) {
            log.atWarn()
                    .addKeyValue("channelId", channelId)
                    .addKeyValue("error", e.toString())
                    .log("digest not sent; its alerts are due again when their lease ends");
        }
    }

    private void send(UUID channelId) {
        Instant now = clock.instant();
        List<HeldDeliveries.Held> claimed = held.claim(channelId, now, now.plus(settings.retryLease()));
        if (claimed.isEmpty()) {
            return;
        }
        // each digest attempted before is retried with its own alerts; the ones never attempted make a new one
        Map<Optional<UUID>, List<HeldDeliveries.Held>> digests = claimed.stream()
                .collect(Collectors.groupingBy(
                        each -> Optional.ofNullable(each.digestId()), LinkedHashMap::new, Collectors.toList()));
        for (List<HeldDeliveries.Held> digest : digests.values()) {
            List<UUID> alertIds = digest.stream()
                    .map(each -> each.request().alert().alertId())
                    .toList();
            DeliveryService.DigestNext next = deliveries.deliverDigest(channelId, digest);
            if (next.done()) {
                held.done(channelId, alertIds);
            } else {
                held.postpone(channelId, alertIds, next.at(), next.attempts(), next.digestId());
            }
        }
    }

    private void pollSafely() {
        try {
            while (poll() == settings.retryBatchSize()
                    && !Thread.currentThread().isInterrupted()) {
                // a full batch: more targets may be due, so look again now rather than after the interval
            }
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("error", e.toString()).log("held deliveries not polled");
        }
    }
}
