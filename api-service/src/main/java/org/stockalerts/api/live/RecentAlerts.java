package org.stockalerts.api.live;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The last alerts the live listener passed on, per partition, so that a reconnecting client gets those
 * that went by before it was registered but are not stored yet. Not thread-safe: {@link LiveHub}
 * guards it with the lock it publishes alerts under.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class RecentAlerts {

    private record Entry(long offset, UUID userId, LiveEvent event) {}

    private static final class Window {
        private final Deque<Entry> entries = new ArrayDeque<>();
        /** Every record of the partition from this offset on is in the window (none skipped). */
        private long complete;
    }

    private final int perPartition;
    private final Map<Integer, Window> windows = new HashMap<>();

    /** Records an alert the listener passed on, in the partition's offset order. */
    void add(UUID userId, LiveEvent event) {
        int partition = event.cursor().partition();
        long offset = event.cursor().offset();
        Window window = windows.computeIfAbsent(partition, p -> {
            Window first = new Window();
            // the listener starts at the end of the partition: nothing before its first record is known
            first.complete = offset;
            return first;
        });
        if (!window.entries.isEmpty() && window.entries.getLast().offset() >= offset) {
            return; // redelivered after an error: the window has it already
        }
        window.entries.addLast(new Entry(offset, userId, event));
        if (window.entries.size() > perPartition) {
            window.complete = window.entries.removeFirst().offset() + 1;
        }
    }

    /**
     * The alerts of {@code userId} passed on in {@code partition} after {@code offset}, oldest first; empty
     * when the window does not reach back that far (records after it may have been missed).
     */
    Optional<List<LiveEvent>> after(UUID userId, int partition, long offset) {
        Window window = windows.get(partition);
        if (window == null || window.complete > offset + 1) {
            return Optional.empty();
        }
        return Optional.of(window.entries.stream()
                .filter(entry -> entry.offset() > offset && entry.userId().equals(userId))
                .map(Entry::event)
                .toList());
    }
}
