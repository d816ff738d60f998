package org.stockalerts.api.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a stream sends before its live events.
 *
 * @param history the missed alerts, in cursor order within each partition
 * @param seen per partition, the offset up to which the client has its alerts already
 * @param seenIds alerts the client has, known by alertId only: those stored before cursors existed
 * @param thenEnd end the stream after the history instead of going live: what follows it could not be
 *     read, so the client reconnects from its last event rather than miss anything
 */
record Replay(List<LiveEvent> history, Map<Integer, Long> seen, Set<UUID> seenIds, boolean thenEnd) {

    static final Replay NONE = new Replay(List.of(), Map.of(), Set.of(), false);

    Replay {
        history = List.copyOf(history);
        seen = Map.copyOf(seen);
        seenIds = Set.copyOf(seenIds);
    }
}
