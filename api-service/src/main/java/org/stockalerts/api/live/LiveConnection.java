package org.stockalerts.api.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. Events are queued here and written by the shared sender executor, one drain task
 * per connection at a time, so a client that reads slowly only ever holds up itself. When its queue
 * is full, or a write fails, the connection is closed and the client has to reconnect.
 *
 * <p>A connection starts paused: live events are queued while the missed history is read, then
 * {@link #start} puts the history in front and drops the queued events that the history already holds.
 */
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
    private final Set<String> replayed = new HashSet<>();
    private boolean started;
    private boolean draining;
    private boolean closed;

    LiveConnection(
            UUID owner,
            Object subscription,
            SseEmitter emitter,
            Executor sender,
            int capacity,
            Consumer<LiveConnection> onClose) {
        this.owner = owner;
        this.subscription = subscription;
        this.emitter = emitter;
        this.sender = sender;
        this.capacity = capacity;
        this.onClose = onClose;
    }

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
            if (closed || replayed.contains(event.id())) {
                return;
            }
            if (pending.size() >= capacity) {
                closeLocked();
                return;
            }
            pending.addLast(event);
            scheduleLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code history} (oldest first), then the live events queued meanwhile that it does not hold. */
    void start(List<LiveEvent> history) {
        lock.lock();
        try {
            history.forEach(event -> replayed.add(event.id()));
            pending.removeIf(event -> replayed.contains(event.id()));
            for (int i = history.size() - 1; i >= 0; i--) {
                pending.addFirst(history.get(i));
            }
            started = true;
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
                complete = closed;
                next = closed ? null : pending.pollFirst();
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
