package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * failure become the exception that hands the task to the retry topics (or the dead-letter topic).
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final ChannelDirectory directory;
    private final DeliveryLog deliveryLog;
    private final RetrySchedule schedule;
    private final CircuitBreakers breakers;
    private final Clock clock;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);

    public DeliveryService(
            ChannelDirectory directory,
            DeliveryLog deliveryLog,
            RetrySchedule schedule,
            CircuitBreakers breakers,
            Clock clock,
            List<ChannelSender> senders) {
        this.directory = directory;
        this.deliveryLog = deliveryLog;
        this.schedule = schedule;
        this.breakers = breakers;
        this.clock = clock;
        senders.forEach(sender -> this.senders.put(sender.type(), sender));
    }

    /**
     * Attempt number {@code attempt} (1-based) of {@code request}.
     *
     * @throws DeliveryFailedException when the attempt failed and a later one may succeed
     * @throws DeliveryRefusedException when no attempt can succeed
     */
    public void deliver(DeliveryRequest request, int attempt) {
        AlertTriggered alert = request.alert();
        Optional<Channel> channel = directory
                .find(request.channelId())
                .filter(found ->
                        found.enabled() && found.userId().equals(alert.userId()) && found.type() == request.channel());
        if (channel.isEmpty()) {
            record(request, Outcome.SKIPPED, null, "channel removed, disabled or changed", null);
            logged(log.atInfo(), request).log("delivery skipped: channel removed or disabled");
            return;
        }
        if (deliveryLog.delivered(alert.alertId(), request.channel(), request.channelId())) {
            logged(log.atInfo(), request).log("delivery skipped: already delivered through this channel");
            return;
        }
        long start = System.nanoTime();
        SendResult result = send(alert, channel.get(), attempt);
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        Outcome outcome = outcomeOf(result, attempt);
        record(request, outcome, result.statusCode(), result.error(), latency);
        logged(outcome == Outcome.DELIVERED ? log.atInfo() : log.atWarn(), request)
                .addKeyValue("attempt", attempt)
                .addKeyValue("outcome", outcome)
                .addKeyValue("statusCode", result.statusCode())
                .addKeyValue("latencyMs", latency.toMillis())
                .log("delivery attempt {}", result.error() == null ? "succeeded" : "failed: " + result.error());
        switch (result.kind()) {
            case DELIVERED -> {}
            case RETRYABLE -> throw new DeliveryFailedException(result.error(), result.retryAfter());
            case PERMANENT -> throw new DeliveryRefusedException(result.error());
        }
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
