package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.alerts.AlertCursor;

class LiveConnectionTest {

    private static final int CAPACITY = 2;

    /** Runs the connection's sender only when the test says so: a client that has not read yet. */
    private final Queue<Runnable> unsent = new ArrayDeque<>();

    private final Executor paused = unsent::add;
    private final RecordingEmitter client = new RecordingEmitter();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LiveConnection connection =
            new LiveConnection(UUID.randomUUID(), "alerts", client, paused, CAPACITY, ignored -> closed.set(true));

    @Test
    void aHistoryLongerThanTheQueueIsSentWholeAndOnlyLiveEventsCountAgainstTheCapacity() {
        // Given a reconnect whose missed history is longer than the live queue
        List<LiveEvent> history =
                IntStream.range(0, 5).mapToObj(LiveConnectionTest::alert).toList();
        connection.start(new Replay(history, Map.of(), Set.of(), false));

        // When a heartbeat and a live alert arrive before the client has read anything
        connection.offer(LiveEvent.HEARTBEAT);
        connection.offer(alert(5));

        // Then the stream stays open and sends the history, then the live alert
        assertThat(closed).isFalse();
        unsent.forEach(Runnable::run);
        assertThat(client.ids()).containsExactly("0-0", "0-1", "0-2", "0-3", "0-4", "0-5");
    }

    @Test
    void aFullLiveQueueStillClosesTheStream() {
        // Given a started stream with a short history
        connection.start(new Replay(List.of(alert(0)), Map.of(), Set.of(), false));

        // When more live events arrive than the queue holds, the client reading nothing
        connection.offer(alert(1));
        connection.offer(alert(2));
        connection.offer(alert(3));

        // Then the connection is closed for the client to reconnect
        assertThat(closed).isTrue();
    }

    private static LiveEvent alert(int offset) {
        return LiveEvent.alert(new AlertCursor(0, offset), UUID.randomUUID(), "{}");
    }
}
