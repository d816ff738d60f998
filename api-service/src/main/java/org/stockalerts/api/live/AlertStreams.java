package org.stockalerts.api.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.stockalerts.api.alerts.AlertPositions;
import org.stockalerts.api.alerts.ResumePoint;
import org.stockalerts.common.kafka.Topics;

/**
 * Opens a user's alert stream, resuming after the event the client saw last. The user's partition of
 * alerts-triggered is covered without a gap: stored alerts up to the highest stored offset, then those
 * this instance passed on live before the stream was registered (or, when it cannot tell, the topic read
 * straight), then the live ones; the stream drops every alert at or before one it sent. Whatever cannot
 * be read ends the stream after the part before it, so the client reconnects from there.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertStreams {

    private static final Logger log = LoggerFactory.getLogger(AlertStreams.class);

    private final LiveHub hub;
    private final AlertPositions positions;
    private final StoredAlerts stored;
    private final AlertTopicReader topic;
    private final LiveSettings settings;

    /**
     * @param lastEventId the client's {@code Last-Event-ID}: a cursor, an alertId (ids sent before cursors),
     *     or null for live alerts only
     * @throws IllegalArgumentException when {@code lastEventId} is neither a cursor nor an alertId
     */
    void open(UUID userId, String lastEventId, SseEmitter emitter) {
        Optional<ResumePoint> point;
        try {
            point = lastEventId == null ? Optional.empty() : positions.resolve(userId, lastEventId);
            if (point.isPresent()) {
                resume(userId, point.get(), emitter);
                return;
            }
        } catch (DataAccessException e) {
            hub.open(userId, new LiveHub.UserAlerts(userId), emitter).start(storeUnavailable(userId, e, Map.of()));
            return;
        }
        if (lastEventId != null) {
            log.atInfo()
                    .addKeyValue("userId", userId)
                    .addKeyValue("lastEventId", lastEventId)
                    .log("unknown last event, resuming live only");
        }
        hub.open(userId, new LiveHub.UserAlerts(userId), emitter).start(Replay.NONE);
    }

    /** Opens the stream with the alerts after {@code from} first. */
    void resume(UUID userId, ResumePoint from, SseEmitter emitter) {
        int partition =
                from instanceof ResumePoint.AfterCursor after ? after.cursor().partition() : partitionOf(userId);
        long seen =
                from instanceof ResumePoint.AfterCursor after ? after.cursor().offset() : -1;
        long storedUpTo = stored.storedUpTo(partition);
        LiveHub.OpenedAlerts opened = hub.openAlerts(userId, emitter, partition, Math.max(seen, storedUpTo));
        opened.connection().start(replay(userId, from, partition, seen, storedUpTo, opened));
    }

    private Replay replay(
            UUID userId, ResumePoint from, int partition, long seen, long storedUpTo, LiveHub.OpenedAlerts opened) {
        Map<Integer, Long> clientHas = Map.of(partition, seen);
        Set<UUID> clientHasIds = from instanceof ResumePoint.AfterUnpositioned old ? Set.of(old.alertId()) : Set.of();
        List<LiveEvent> history;
        try {
            history = new ArrayList<>(stored.after(userId, from, partition, storedUpTo, settings.replayLimit()));
        } catch (DataAccessException e) {
            return storeUnavailable(userId, e, clientHas);
        }
        if (history.size() >= settings.replayLimit()) {
            return new Replay(history, clientHas, clientHasIds, true);
        }
        Optional<List<LiveEvent>> passed;
        if (from instanceof ResumePoint.AfterUnpositioned && storedUpTo < 0) {
            // no alert of the partition is stored with its position yet (just after the upgrade): where the
            // ones not stored yet begin is unknown, so they are left to the live stream
            passed = Optional.of(List.of());
        } else {
            long liveAfter = Math.max(seen, storedUpTo);
            passed = opened.passedBefore().or(() -> topic.after(userId, partition, liveAfter));
        }
        passed.ifPresent(history::addAll);
        return new Replay(history, clientHas, clientHasIds, passed.isEmpty());
    }

    /** Ends the stream at once: without the stored alerts it could only go on with a gap. */
    private static Replay storeUnavailable(UUID userId, DataAccessException e, Map<Integer, Long> clientHas) {
        log.atWarn()
                .addKeyValue("userId", userId)
                .addKeyValue("error", e.getMostSpecificCause().getMessage())
                .log("stored alerts unavailable, ending the stream for the client to retry");
        return new Replay(List.of(), clientHas, Set.of(), true);
    }

    /** The partition alerts-triggered holds {@code userId}'s alerts in: the producer's default, by key. */
    static int partitionOf(UUID userId) {
        return Topics.ALERTS_TRIGGERED.partitionOf(userId.toString());
    }
}
