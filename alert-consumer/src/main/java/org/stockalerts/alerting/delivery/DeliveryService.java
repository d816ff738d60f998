package org.stockalerts.alerting.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.stockalerts.alerting.delivery.DeliveryLog.Attempt;
import org.stockalerts.alerting.delivery.DeliveryLog.Outcome;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.ops.LatencyObjectives;
import org.stockalerts.common.preferences.DeliveryPreferences;
import org.stockalerts.common.preferences.DeliveryPreferences.Hold;
import org.stockalerts.common.preferences.DeliveryPreferences.HoldReason;

/**
 * Makes one attempt at one delivery task and records it: skips a target that is gone or disabled,
 * never sends again through a target the alert already reached, and otherwise sends and logs the
 * attempt. A sender answers every outcome as a {@link SendResult}; only here, at the end, does a
 * failure become the exception that hands the task to the retry topics (or the dead-letter topic),
 * or, past the retry topics' part of the {@link RetrySchedule}, a retry parked in the database.
 */
@Service
public class DeliveryService {

    /** Counter of delivery attempts, tagged {@code channel} and {@code outcome} (DELIVERED, RETRYING, FAILED, SKIPPED). */
    public static final String DELIVERIES = "stockalerts.deliveries";

    /** Timer from an alert's firing ({@code occurredAt}) to its delivery, tagged {@code channel}. */
    public static final String ALERT_TO_DELIVERY = "stockalerts.deliveries.alert.to.delivery";

    private final MeterRegistry meters;

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final ChannelDirectory directory;
    private final DeliveryLog deliveryLog;
    private final RetrySchedule schedule;
    private final CircuitBreakers breakers;
    private final ParkedRetries retries;
    private final EndpointHealth health;
    private final PreferenceDirectory preferences;
    private final HeldDeliveries held;
    private final Clock clock;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);

    public DeliveryService(
            ChannelDirectory directory,
            DeliveryLog deliveryLog,
            RetrySchedule schedule,
            CircuitBreakers breakers,
            ParkedRetries retries,
            EndpointHealth health,
            PreferenceDirectory preferences,
            HeldDeliveries held,
            Clock clock,
            List<ChannelSender> senders,
            MeterRegistry meters) {
        this.meters = meters;
        // every series at zero from the start, so a dashboard sees them before the first delivery
        for (ChannelType channel : ChannelType.values()) {
            for (Outcome outcome : Outcome.values()) {
                deliveries(meters, channel, outcome);
            }
            alertToDelivery(meters, channel);
        }
        this.directory = directory;
        this.deliveryLog = deliveryLog;
        this.schedule = schedule;
        this.breakers = breakers;
        this.retries = retries;
        this.health = health;
        this.preferences = preferences;
        this.held = held;
        this.clock = clock;
        senders.forEach(sender -> this.senders.put(sender.type(), sender));
    }

    /**
     * Attempt number {@code attempt} (1-based) of {@code request}, from the main delivery topic or a
     * retry topic. A failure worth retrying waits on a Kafka retry topic while the schedule says so
     * (this method throws), later in the database (it is parked there and this method returns). An
     * attempt its target's open circuit did not let through is not used up: it is parked in the
     * database until the circuit lets a probe through, and made from there.
     *
     * @throws DeliveryFailedException when the attempt failed and a later one on a retry topic may succeed
     *     (or, after the last attempt, none will)
     * @throws DeliveryRefusedException when no attempt can succeed
     */
    public void deliver(DeliveryRequest request, int attempt) {
        deliver(request, attempt, false);
    }

    /**
     * Attempt number {@code attempt} of {@code request}, parked in the database until now. It gets the
     * full request timeout and may probe an open circuit; if it fails, the next attempt is parked too.
     *
     * @throws DeliveryFailedException when it was the last attempt and failed
     * @throws DeliveryRefusedException when no attempt can succeed
     */
    public void deliverParked(DeliveryRequest request, int attempt) {
        deliver(request, attempt, true);
    }

    private void deliver(DeliveryRequest request, int attempt, boolean parked) {
        Optional<SendResult> sent = attempt(request, attempt, parked, false);
        if (sent.isEmpty()) {
            return;
        }
        SendResult result = sent.get();
        switch (result.kind()) {
            case DELIVERED -> {}
            case DEFERRED -> park(request, attempt, clock.instant().plus(jittered(result.retryAfter())));
            case RETRYABLE -> {
                if (schedule.isLast(attempt) || (!parked && schedule.retriedOnKafka(attempt))) {
                    throw new DeliveryFailedException(result.error(), result.retryAfter());
                }
                Instant now = clock.instant();
                park(request, attempt + 1, now.plus(schedule.delayAfter(attempt, result.retryAfter(), random())));
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
        return attempt(request, schedule.totalAttempts(), true, true);
    }

    private Optional<SendResult> attempt(DeliveryRequest request, int attempt, boolean parked, boolean replay) {
        AlertTriggered alert = request.alert();
        Optional<Channel> channel = directory
                .find(request.channelId())
                .filter(found ->
                        found.enabled() && found.userId().equals(alert.userId()) && found.type() == request.channel());
        if (channel.isEmpty()) {
            record(request, Outcome.SKIPPED, null, "channel removed, disabled or changed", null, null);
            logged(log.atInfo(), request).log("delivery skipped: channel removed or disabled");
            return Optional.empty();
        }
        if (health.disabled(channel.get())) {
            record(
                    request,
                    Outcome.SKIPPED,
                    null,
                    "webhook disabled after failing; its user may re-enable it",
                    null,
                    null);
            logged(log.atInfo(), request).log("delivery skipped: webhook disabled");
            return Optional.empty();
        }
        if (deliveryLog.delivered(alert.alertId(), request.channel(), request.channelId())) {
            logged(log.atInfo(), request).log("delivery skipped: already delivered through this channel");
            return Optional.empty();
        }
        if (!replay && heldForDigest(request)) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        SendResult result = send(alert, channel.get(), attempt, parked);
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        if (result.kind() != SendResult.Kind.DEFERRED) {
            health.attempted(channel.get(), result);
        }
        Outcome outcome =
                replay && result.kind() != SendResult.Kind.DELIVERED ? Outcome.FAILED : outcomeOf(result, attempt);
        record(request, outcome, result.statusCode(), result.error(), latency, null);
        logged(outcome == Outcome.DELIVERED ? log.atDebug() : log.atWarn(), request)
                .addKeyValue("attempt", attempt)
                .addKeyValue("replay", replay)
                .addKeyValue("outcome", outcome)
                .addKeyValue("statusCode", result.statusCode())
                .addKeyValue("latencyMs", latency.toMillis())
                .log("delivery attempt {}", result.error() == null ? "succeeded" : "failed: " + result.error());
        return Optional.of(result);
    }

    /**
     * Holds {@code request} for a digest when its user's preferences say so now (quiet hours, or the channel type's
     * daily cap reached): it is logged HELD and sent with the target's next digest ({@link DigestPoller}).
     */
    private boolean heldForDigest(DeliveryRequest request) {
        UUID userId = request.alert().userId();
        Instant now = clock.instant();
        DeliveryPreferences user = preferences.of(userId);
        Optional<Hold> hold = user.hold(
                request.channel(), now, () -> deliveryLog.sentSince(userId, request.channel(), user.dayStart(now)));
        if (hold.isEmpty()) {
            return false;
        }
        held.hold(request, hold.get().reason(), hold.get().until(), now);
        String why = hold.get().reason() == HoldReason.QUIET_HOURS
                ? "held for the digest at the end of the user's quiet hours, "
                        + hold.get().until()
                : "held for the hourly digest at " + hold.get().until() + ": the daily cap of "
                        + user.dailyCap(request.channel()).orElseThrow() + " " + request.channel()
                        + " messages is reached";
        record(request, Outcome.HELD, null, why, null, null);
        logged(log.atInfo(), request)
                .addKeyValue("reason", hold.get().reason())
                .addKeyValue("until", hold.get().until())
                .log("delivery held for a digest");
        return true;
    }

    /**
     * What became of a digest: when to try it again, after how many failed attempts of which digest (null before a
     * first attempt); null {@code at}: it is done.
     */
    public record DigestNext(Instant at, int attempts, UUID digestId) {

        static final DigestNext DONE = new DigestNext(null, 0, null);

        public boolean done() {
            return at == null;
        }
    }

    /**
     * Sends what is held for {@code channelId} as one digest, and records the attempt for each alert in it. Alerts
     * the target got meanwhile (a replay) are left out; a target removed, disabled or disabled by its failures gets
     * nothing (each alert logged SKIPPED); while its user's quiet hours last the digest waits for their end. A
     * failure follows the retry schedule: the digest is tried again later (with the same alerts, under the same
     * id) until the schedule's last attempt.
     *
     * @param claimed the held deliveries of the target, due now: all of one digest attempted before, or all never
     *     attempted
     */
    public DigestNext deliverDigest(UUID channelId, List<HeldDeliveries.Held> claimed) {
        List<HeldDeliveries.Held> pending = claimed.stream()
                .filter(each -> !deliveryLog.delivered(
                        each.request().alert().alertId(), each.request().channel(), channelId))
                .toList();
        if (pending.isEmpty()) {
            return DigestNext.DONE;
        }
        DeliveryRequest first = pending.getFirst().request();
        Optional<Channel> channel = directory
                .find(channelId)
                .filter(found -> found.enabled()
                        && found.userId().equals(first.alert().userId())
                        && found.type() == first.channel());
        String skipped = channel.isEmpty()
                ? "channel removed, disabled or changed"
                : health.disabled(channel.get()) ? "webhook disabled after failing; its user may re-enable it" : null;
        if (skipped != null) {
            pending.forEach(each -> record(each.request(), Outcome.SKIPPED, null, skipped, null, null));
            return DigestNext.DONE;
        }
        Instant now = clock.instant();
        DeliveryPreferences user = preferences.of(first.alert().userId());
        int attempts = pending.getFirst().attempts();
        UUID attempted = pending.getFirst().digestId();
        Optional<Instant> quiet = user.quietUntil(now);
        if (quiet.isPresent()) {
            return new DigestNext(quiet.get(), attempts, attempted);
        }
        List<Digest.Entry> entries = pending.stream()
                .map(each -> new Digest.Entry(
                        each.reason(), each.heldAt(), each.request().alert()))
                .toList();
        // a retry is the same digest: the same id, so a receiver that got the attempt that timed out drops it
        Digest digest = attempted == null
                ? Digest.of(channelId, user.timeZone(), entries)
                : new Digest(attempted, channelId, user.timeZone(), entries);
        int attempt = attempts + 1;
        ChannelSender sender = senders.get(first.channel());
        long start = System.nanoTime();
        SendResult result = sender == null
                ? SendResult.permanent(null, "no sender for channel type " + first.channel())
                : sender.sendDigest(digest, channel.get(), schedule.timeout(attempt, true));
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        health.attempted(channel.get(), result);
        boolean last = result.kind() != SendResult.Kind.RETRYABLE || schedule.isLast(attempt);
        Outcome outcome = result.kind() == SendResult.Kind.DELIVERED
                ? Outcome.DELIVERED
                : last ? Outcome.FAILED : Outcome.RETRYING;
        pending.forEach(
                each -> record(each.request(), outcome, result.statusCode(), result.error(), latency, digest.id()));
        log.atLevel(outcome == Outcome.DELIVERED ? Level.INFO : Level.WARN)
                .addKeyValue("userId", digest.userId())
                .addKeyValue("channelId", channelId)
                .addKeyValue("digestId", digest.id())
                .addKeyValue("alerts", pending.size())
                .addKeyValue("attempt", attempt)
                .addKeyValue("outcome", outcome)
                .log("digest {}", result.error() == null ? "delivered" : "failed: " + result.error());
        return last
                ? DigestNext.DONE
                : new DigestNext(
                        now.plus(schedule.delayAfter(attempt, result.retryAfter(), random())), attempt, digest.id());
    }

    private void park(DeliveryRequest request, int attempt, Instant due) {
        retries.park(request, attempt, due, clock.instant());
        logged(log.atInfo(), request)
                .addKeyValue("attempt", attempt)
                .addKeyValue("dueAt", due)
                .log("delivery retry parked in the database");
    }

    /** A deferral's wait, spread by the schedule's jitter so the attempts an open circuit held do not all come at once. */
    private Duration jittered(Duration wait) {
        return Duration.ofMillis(Math.round(wait.toMillis() * (1 + schedule.jitter() * random())));
    }

    private static double random() {
        return ThreadLocalRandom.current().nextDouble();
    }

    private SendResult send(AlertTriggered alert, Channel channel, int attempt, boolean parked) {
        ChannelSender sender = senders.get(channel.type());
        if (sender == null) {
            return SendResult.permanent(null, "no sender for channel type " + channel.type());
        }
        // webhooks have a circuit breaker and a short first attempt (the receiver drops a repeat by webhook-id); a chat
        // service has no such id, so its message gets the full timeout at once, never a retry because it was slow
        boolean guarded = channel.type() == ChannelType.WEBHOOK;
        if (guarded) {
            switch (breakers.decide(channel.id(), attempt > 1 || parked)) {
                case CALL -> {}
                case OPEN -> {
                    return refusedByOpenCircuit(channel, attempt, parked);
                }
                case SLOW -> {
                    return SendResult.retryable(
                            null,
                            "not called on the first attempt: the receiver answers slower than "
                                    + schedule.timeout(1, false) + ", so it is sent on a retry",
                            null);
                }
            }
        }
        long start = System.nanoTime();
        SendResult result = sender.send(alert, channel, schedule.timeout(attempt, parked || !guarded));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (guarded && result.kind() == SendResult.Kind.DELIVERED) {
            if (breakers.succeeded(channel.id(), took)) {
                releaseParked(channel);
            }
        } else if (guarded && result.kind() == SendResult.Kind.RETRYABLE && breakers.failed(channel.id(), took)) {
            log.atWarn()
                    .addKeyValue("userId", channel.userId())
                    .addKeyValue("channelId", channel.id())
                    .addKeyValue("alertId", alert.alertId())
                    .addKeyValue("took", took)
                    .log("circuit opened: no call to this webhook target until its open period is over");
        }
        return result;
    }

    /**
     * A probe got through and closed {@code channel}'s circuit: the attempts parked for it, deferred
     * by the open circuit or waiting out the schedule's later, long waits, are made now, as fast as
     * {@link RetryPoller} claims them, instead of at their scheduled times. A failure to release them
     * leaves them on their schedule; the delivery that closed the circuit has succeeded either way.
     */
    private void releaseParked(Channel channel) {
        try {
            int released = retries.release(channel.id(), clock.instant());
            log.atInfo()
                    .addKeyValue("userId", channel.userId())
                    .addKeyValue("channelId", channel.id())
                    .addKeyValue("released", released)
                    .log("circuit closed: a probe got through; {} parked retries of this target due now", released);
        } catch (DataAccessException e) {
            log.atWarn()
                    .addKeyValue("channelId", channel.id())
                    .addKeyValue("error", e.toString())
                    .log("circuit closed, but its parked retries were not released: they wait for their schedule");
        }
    }

    /**
     * An attempt the target's open circuit does not let through. One from Kafka is deferred, not used
     * up: a circuit opened by a few slow answers would otherwise move every alert of its open period
     * on to the schedule's later, long waits. One already parked in the database (so deferred before,
     * or past the Kafka part of the schedule) is used up, as a failed call would be: a target that
     * stays down follows the schedule and is not called more often than its circuit allows.
     */
    private SendResult refusedByOpenCircuit(Channel channel, int attempt, boolean parked) {
        String reason = "circuit open: the receiver failed repeatedly, not called";
        if (parked) {
            return SendResult.retryable(null, reason, null);
        }
        Duration wait = breakers.untilProbe(channel.id());
        return SendResult.deferred(reason + "; attempt " + attempt + " waits " + wait.toMillis() + " ms for it", wait);
    }

    private Outcome outcomeOf(SendResult result, int attempt) {
        return switch (result.kind()) {
            case DELIVERED -> Outcome.DELIVERED;
            case DEFERRED -> Outcome.RETRYING;
            case RETRYABLE -> schedule.isLast(attempt) ? Outcome.FAILED : Outcome.RETRYING;
            case PERMANENT -> Outcome.FAILED;
        };
    }

    private void record(
            DeliveryRequest request, Outcome outcome, Integer status, String error, Duration latency, UUID digestId) {
        Instant at = clock.instant();
        deliveries(meters, request.channel(), outcome).increment();
        Duration sinceFired = Duration.between(request.alert().occurredAt(), at);
        if (outcome == Outcome.DELIVERED && digestId == null && !sinceFired.isNegative()) {
            alertToDelivery(meters, request.channel()).record(sinceFired);
        }
        try {
            deliveryLog.record(new Attempt(
                    request.alert(),
                    request.channel(),
                    request.channelId(),
                    at,
                    outcome,
                    status,
                    error,
                    latency,
                    digestId));
        } catch (DuplicateKeyException e) {
            // a concurrent task for the same target recorded its success first; the receiver drops
            // the duplicate by webhook-id
            logged(log.atInfo(), request).log("delivery already recorded as delivered by a concurrent attempt");
        }
    }

    private static Counter deliveries(MeterRegistry meters, ChannelType channel, Outcome outcome) {
        return Counter.builder(DELIVERIES)
                .description("Delivery attempts, by channel and outcome")
                .tag("channel", channel.name())
                .tag("outcome", outcome.name())
                .register(meters);
    }

    private static Timer alertToDelivery(MeterRegistry meters, ChannelType channel) {
        return Timer.builder(ALERT_TO_DELIVERY)
                .description("From an alert's firing to its delivery through a channel")
                .tag("channel", channel.name())
                .serviceLevelObjectives(LatencyObjectives.buckets())
                .register(meters);
    }

    private static LoggingEventBuilder logged(LoggingEventBuilder event, DeliveryRequest request) {
        return event.addKeyValue("alertId", request.alert().alertId())
                .addKeyValue("userId", request.alert().userId())
                .addKeyValue("ruleId", request.alert().ruleId())
                .addKeyValue("channel", request.channel())
                .addKeyValue("channelId", request.channelId());
    }
}
