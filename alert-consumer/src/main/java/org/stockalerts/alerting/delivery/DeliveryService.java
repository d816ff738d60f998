package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.stockalerts.alerting.delivery.DeliveryLog.Attempt;
import org.stockalerts.alerting.delivery.DeliveryLog.Outcome;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;

/**
 * Makes one attempt at one delivery task and records it: skips a target that is gone or disabled,
 * never sends again through a target the alert already reached, and otherwise sends and logs the
 * attempt. A sender answers every outcome as a {@link SendResult}; only here, at the end, does a
 * failure become the exception that hands the task to the retry topics (or the dead-letter topic),
 * or, past the retry topics' part of the {@link RetrySchedule}, a retry parked in the database.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final ChannelDirectory directory;
    private final DeliveryLog deliveryLog;
    private final RetrySchedule schedule;
    private final CircuitBreakers breakers;
    private final ParkedRetries retries;
    private final EndpointHealth health;
    private final Clock clock;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);

    public DeliveryService(
            ChannelDirectory directory,
            DeliveryLog deliveryLog,
            RetrySchedule schedule,
            CircuitBreakers breakers,
            ParkedRetries retries,
            EndpointHealth health,
            Clock clock,
            List<ChannelSender> senders) {
        this.directory = directory;
        this.deliveryLog = deliveryLog;
        this.schedule = schedule;
        this.breakers = breakers;
        this.retries = retries;
        this.health = health;
        this.clock = clock;
        senders.forEach(sender -> this.senders.put(sender.type(), sender));
    }

    /**
     * Attempt number {@code attempt} (1-based) of {@code request}. A failure worth retrying waits on a
     * Kafka retry topic while the schedule says so (this method throws), later in the database (it is
     * parked there and this method returns).
     *
     * @throws DeliveryFailedException when the attempt failed and a later one on a retry topic may succeed
     *     (or, after the last attempt, none will)
     * @throws DeliveryRefusedException when no attempt can succeed
     */
    public void deliver(DeliveryRequest request, int attempt) {
        Optional<SendResult> sent = attempt(request, attempt, false);
        if (sent.isEmpty()) {
            return;
        }
        SendResult result = sent.get();
        switch (result.kind()) {
            case DELIVERED -> {}
            case RETRYABLE -> {
                if (schedule.retriedOnKafka(attempt) || schedule.isLast(attempt)) {
                    throw new DeliveryFailedException(result.error(), result.retryAfter());
                }
                park(request, attempt, result.retryAfter());
            }
            case PERMANENT -> throw new DeliveryRefusedException(result.error());
        }
    }

    /**
     * Sends {@code request} once more, as its user asked: one attempt, recorded in the log like any
     * other and never retried. A target the alert already reached, or one removed or disabled, is skipped.
     *
     * @return what the attempt came to; empty when skipped
     */
    public Optional<SendResult> replay(DeliveryRequest request) {
        return attempt(request, schedule.totalAttempts(), true);
    }

    private Optional<SendResult> attempt(DeliveryRequest request, int attempt, boolean replay) {
        AlertTriggered alert = request.alert();
        Optional<Channel> channel = directory
                .find(request.channelId())
                .filter(found ->
                        found.enabled() && found.userId().equals(alert.userId()) && found.type() == request.channel());
        if (channel.isEmpty()) {
            record(request, Outcome.SKIPPED, null, "channel removed, disabled or changed", null);
            logged(log.atInfo(), request).log("delivery skipped: channel removed or disabled");
            return Optional.empty();
        }
        if (health.disabled(channel.get())) {
            record(request, Outcome.SKIPPED, null, "webhook disabled after failing; its user may re-enable it", null);
            logged(log.atInfo(), request).log("delivery skipped: webhook disabled");
            return Optional.empty();
        }
        if (deliveryLog.delivered(alert.alertId(), request.channel(), request.channelId())) {
            logged(log.atInfo(), request).log("delivery skipped: already delivered through this channel");
            return Optional.empty();
        }
        long start = System.nanoTime();
        SendResult result = send(alert, channel.get(), attempt);
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        health.attempted(channel.get(), result);
        Outcome outcome =
                replay && result.kind() != SendResult.Kind.DELIVERED ? Outcome.FAILED : outcomeOf(result, attempt);
        record(request, outcome, result.statusCode(), result.error(), latency);
        logged(outcome == Outcome.DELIVERED ? log.atInfo() : log.atWarn(), request)
                .addKeyValue("attempt", attempt)
                .addKeyValue("replay", replay)
                .addKeyValue("outcome", outcome)
                .addKeyValue("statusCode", result.statusCode())
                .addKeyValue("latencyMs", latency.toMillis())
                .log("delivery attempt {}", result.error() == null ? "succeeded" : "failed: " + result.error());
        return Optional.of(result);
    }

    private void park(DeliveryRequest request, int attempt, Duration retryAfter) {
        Instant now = clock.instant();
        Instant due = now.plus(schedule.delayAfter(
                attempt, retryAfter, ThreadLocalRandom.current().nextDouble()));
        retries.park(request, attempt + 1, due, now);
        logged(log.atInfo(), request)
                .addKeyValue("attempt", attempt + 1)
                .addKeyValue("dueAt", due)
                .log("delivery retry parked in the database");
    }

    private SendResult send(AlertTriggered alert, Channel channel, int attempt) {
        ChannelSender sender = senders.get(channel.type());
        if (sender == null) {
            return SendResult.permanent(null, "no sender for channel type " + channel.type());
        }
        boolean guarded = channel.type() == ChannelType.WEBHOOK;
        if (guarded) {
            switch (breakers.decide(channel.id(), attempt > 1)) {
                case CALL -> {}
                case OPEN -> {
                    return SendResult.retryable(null, "circuit open: the receiver failed repeatedly, not called", null);
                }
                case SLOW -> {
                    return SendResult.retryable(
                            null,
                            "not called on the first attempt: the receiver answers slower than " + schedule.timeout(1)
                                    + ", so it is sent on a retry",
                            null);
                }
            }
        }
        long start = System.nanoTime();
        SendResult result = sender.send(alert, channel, schedule.timeout(attempt));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (guarded && result.kind() == SendResult.Kind.DELIVERED) {
            breakers.succeeded(channel.id(), took);
        } else if (guarded && result.kind() == SendResult.Kind.RETRYABLE) {
            breakers.failed(channel.id(), took);
        }
        return result;
    }

    private Outcome outcomeOf(SendResult result, int attempt) {
        return switch (result.kind()) {
            case DELIVERED -> Outcome.DELIVERED;
            case RETRYABLE -> schedule.isLast(attempt) ? Outcome.FAILED : Outcome.RETRYING;
            case PERMANENT -> Outcome.FAILED;
        };
    }

    private void record(DeliveryRequest request, Outcome outcome, Integer status, String error, Duration latency) {
        Instant at = clock.instant();
        try {
            deliveryLog.record(new Attempt(
                    request.alert(), request.channel(), request.channelId(), at, outcome, status, error, latency));
        } catch (DuplicateKeyException e) {
            // a concurrent task for the same target recorded its success first; the receiver drops
            // the duplicate by webhook-id
            logged(log.atInfo(), request).log("delivery already recorded as delivered by a concurrent attempt");
        }
    }

    private static LoggingEventBuilder logged(LoggingEventBuilder event, DeliveryRequest request) {
        return event.addKeyValue("alertId", request.alert().alertId())
                .addKeyValue("userId", request.alert().userId())
                .addKeyValue("ruleId", request.alert().ruleId())
                .addKeyValue("channel", request.channel())
                .addKeyValue("channelId", request.channelId());
    }
}
