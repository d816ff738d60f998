package org.stockalerts.api.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. Events are queued here and written by the shared sender executor, one drain task
 * per connection at a time, so a client that reads slowly only ever holds up itself. When its queue
 * is full, or a write fails, the connection is closed and the client has to reconnect. The missed
 * history a reconnect starts with does not count against the queue's capacity (the replay has its own
 * limit), so a slow client catching up on a long history is not cut off by its own backlog.
 *
 * <p>A connection starts paused: live events are queued while the missed history is read, then
 * {@link #start} puts the history in front. From then on an alert is sent only when its cursor is past
 * the last one sent on its partition (or the one the client had already), so the history and the live
 * events merge by cursor and none is sent twice.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class LiveConnection {

    private static final Logger log = LoggerFactory.getLogger(LiveConnection.class);

    private final UUID owner;
    private final Object subscription;
    private final SseEmitter emitter;
    private final Executor sender;
    private final int capacity;
    private final Consumer<LiveConnection> onClose;

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<LiveEvent> pending = new ArrayDeque<>();
    private final Map<Integer, Long> sentUpTo = new HashMap<>();
    private final Set<UUID> sentWithoutCursor = new HashSet<>();
    /** History events still queued at the head: a replay may be longer than the live queue's capacity. */
    private int historyLeft;

    private boolean started;
    private boolean ending;
    private boolean draining;
    private boolean closed;

    UUID owner() {
        return owner;
    }

    Object subscription() {
        return subscription;
    }

    /** Queues {@code event}; a full queue closes the connection. Never blocks on the client. */
    void offer(LiveEvent event) {
        lock.lock();
        try {
            if (closed || ending || (started && !advances(event))) {
                return;
            }
            if (pending.size() - historyLeft >= capacity) {
                closeLocked();
                return;
            }
            pending.addLast(event);
            scheduleLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends the replay's history, then the live events queued meanwhile that come after it, dropping
     * every alert at or before what the client has; or, when the replay says so, ends after the history.
     */
    void start(Replay replay) {
        lock.lock();
        try {
            sentUpTo.putAll(replay.seen());
            sentWithoutCursor.addAll(replay.seenIds());
            Deque<LiveEvent> live = new ArrayDeque<>(pending);
            pending.clear();
            replay.history().stream().filter(this::advances).forEach(pending::addLast);
            historyLeft = pending.size();
            if (replay.thenEnd()) {
                ending = true;
            } else {
                live.stream().filter(this::advances).forEach(pending::addLast);
            }
            started = true;
            scheduleLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * True, and the event recorded as sent, when it is no alert or one past those sent. An alert stored
     * before cursors existed has none: it is known by its alertId, and so is its later live duplicate.
     */
    private boolean advances(LiveEvent event) {
        if (event.alertId() != null && sentWithoutCursor.contains(event.alertId())) {
            return false;
        }
        if (event.cursor() == null) {
            if (event.alertId() != null) {
                sentWithoutCursor.add(event.alertId());
            }
            return true;
        }
        Long sent = sentUpTo.get(event.cursor().partition());
        if (sent != null && event.cursor().offset() <= sent) {
            return false;
        }
        sentUpTo.put(event.cursor().partition(), event.cursor().offset());
        return true;
    }

    /**
     * Ends the stream once what is queued (its history included, when it has not started yet) is sent; events offered
     * from now on are dropped. The instance is stopping: the client reconnects, with the last id it got.
     */
    void end() {
        lock.lock();
        try {
            ending = true;
            scheduleLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Stops sending; called when the client went away or the stream timed out. */
    void close() {
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
    }

    private void closeLocked() {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        historyLeft = 0;
        onClose.accept(this);
        // completing waits for a write in progress, so it is left to the sender, never the caller
        scheduleLocked();
    }

    private void scheduleLocked() {
        if ((started || closed) && !draining) {
            draining = true;
            sender.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            LiveEvent next;
            boolean complete;
            lock.lock();
            try {
                if (ending && pending.isEmpty()) {
                    closeLocked();
                }
                complete = closed;
                next = closed ? null : pending.pollFirst();
                if (next != null && historyLeft > 0) {
                    historyLeft--;
                }
                if (next == null) {
                    draining = false;
                }
            } finally {
                lock.unlock();
            }
            if (complete) {
                complete();
                return;
            }
            if (next == null) {
                return;
            }
            if (!send(next)) {
                close();
            }
        }
    }

    /** Ends the response; one the container already ended (the client went away) stays ended. */
    private void complete() {
        try {
            emitter.complete();
        } catch (IllegalStateException e) {
            log.atDebug()
                    .addKeyValue("userId", owner)
                    .addKeyValue("error", e.getMessage())
                    .log("live stream already ended");
        }
    }

    private boolean send(LiveEvent event) {
        try {
            if (event.isHeartbeat()) {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } else {
                emitter.send(SseEmitter.event()
                        .id(event.id())
                        .name(event.name())
                        .data(event.json().getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            log.atDebug()
                    .addKeyValue("userId", owner)
                    .addKeyValue("error", e.getMessage())
                    .log("live stream write failed");
            return false;
        }
    }
}
