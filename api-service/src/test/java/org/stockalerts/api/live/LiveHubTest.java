package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.common.event.AlertTriggered;

/** The hub's fan-out to open streams, with emitters that stand in for clients reading fast or not at all. */
class LiveHubTest {

    private static final int QUEUE_CAPACITY = 4;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LiveHub hub = new LiveHub(new LiveSettings(
            Duration.ofMinutes(1),
            5,
            QUEUE_CAPACITY,
            4,
            Duration.ofMinutes(30),
            1000,
            1000,
            Duration.ofSeconds(5),
            1000,
            Duration.ofSeconds(10)));
    private final StalledEmitter stalled = new StalledEmitter();
    private final AtomicLong offsets = new AtomicLong();

    @AfterEach
    void stop() {
        stalled.release();
        hub.shutdown();
    }

    @Test
    void dropsAClientThatStoppedReadingWithoutHoldingUpTheOthers() {
        // Given a user with two streams, one whose client stopped reading (its first write never returns),
        // and another user with a stream of her own
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        RecordingEmitter alicesOther = new RecordingEmitter();
        RecordingEmitter bobs = new RecordingEmitter();
        hub.open(alice, new LiveHub.UserAlerts(alice), stalled).start(Replay.NONE);
        hub.open(alice, new LiveHub.UserAlerts(alice), alicesOther).start(Replay.NONE);
        hub.open(bob, new LiveHub.UserAlerts(bob), bobs).start(Replay.NONE);

        // When more alerts fire for both than the stalled client's queue holds, one after the other
        // Then the streams that read get each of them, while the stalled write is still stuck
        List<String> alicesAlerts = new ArrayList<>();
        List<String> bobsAlerts = new ArrayList<>();
        for (int i = 0; i < QUEUE_CAPACITY * 5; i++) {
            alicesAlerts.add(publish(alice));
            bobsAlerts.add(publish(bob));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(2)).untilAsserted(() -> {
                assertThat(alicesOther.ids()).containsExactlyElementsOf(alicesAlerts);
                assertThat(bobs.ids()).containsExactlyElementsOf(bobsAlerts);
            });
        }
        assertThat(stalled.writes()).isEqualTo(1);
        assertThat(stalled.completed()).isFalse();

        // And the stalled stream was dropped when its queue overflowed: even once the client reads
        // again, it is ended and gets nothing more
        stalled.release();
        await().atMost(WAIT).until(stalled::completed);
        String next = publish(alice);
        await().atMost(WAIT).until(() -> alicesOther.ids().contains(next));
        assertThat(stalled.writes()).isEqualTo(1);
    }

    @Test
    void aStreamOpenedWhileAlertsArePublishedGetsEachOnceFromWhatPassedBeforeOrLive() throws Exception {
        // Given a user's alerts being published one after the other on another thread
        LiveHub busy = new LiveHub(new LiveSettings(
                Duration.ofMinutes(1),
                5,
                100_000,
                2,
                Duration.ofMinutes(30),
                1000,
                100_000,
                Duration.ofSeconds(5),
                1000,
                Duration.ofSeconds(10)));
        UUID alice = UUID.randomUUID();
        int count = 20_000;
        AlertTriggered alert = LiveIntegrationTestSupport.alert(alice, Instant.now());
        AtomicInteger published = new AtomicInteger();
        Thread publisher = Thread.ofPlatform().start(() -> {
            for (int offset = 0; offset < count; offset++) {
                busy.publish(new AlertCursor(0, offset), alert);
                published.incrementAndGet();
            }
        });
        try {
            // When her stream opens meanwhile, asking for every alert of the partition
            await().atMost(WAIT).until(() -> published.get() > count / 4);
            RecordingEmitter client = new RecordingEmitter();
            LiveHub.OpenedAlerts opened = busy.openAlerts(alice, client, 0, -1);
            opened.connection().start(new Replay(opened.passedBefore().orElseThrow(), Map.of(0, -1L), Set.of(), false));
            publisher.join();

            // Then it gets each of them once, in order: each was passed before the stream opened, or went to it live
            await().atMost(WAIT).until(() -> client.ids().size() >= count);
            assertThat(client.ids())
                    .containsExactlyElementsOf(IntStream.range(0, count)
                            .mapToObj(offset -> new AlertCursor(0, offset).toString())
                            .toList());
        } finally {
            busy.shutdown();
        }
    }

    @Test
    void endsEveryStreamOnceItSentWhatItHeldWhenTheInstanceStopsAndAStreamOpenedAfterOnceItSentItsHistory() {
        // Given Alice's stream, which got an alert
        UUID alice = UUID.randomUUID();
        RecordingEmitter alices = new RecordingEmitter();
        hub.openAlerts(alice, alices, 0, Long.MAX_VALUE).connection().start(Replay.NONE);
        String before = publish(alice);
        await().atMost(WAIT).until(() -> alices.ids().contains(before));

        // When the instance stops
        new LiveStreamsShutdown(hub).stop();

        // Then her stream ends (she reconnects to another instance), and a later alert does not reach it
        await().atMost(WAIT).until(alices::completed);
        String after = publish(alice);
        assertThat(alices.ids()).containsExactly(before);

        // And a stream that opens on the stopping instance still gets its history, then ends too
        RecordingEmitter late = new RecordingEmitter();
        LiveHub.OpenedAlerts opened = hub.openAlerts(alice, late, 0, -1);
        opened.connection().start(new Replay(opened.passedBefore().orElseThrow(), Map.of(0, -1L), Set.of(), false));
        await().atMost(WAIT).until(late::completed);
        assertThat(late.ids()).containsExactly(before, after);
    }

    @Test
    void streamsEndJustBeforeTheWebServersGracefulShutdownWouldWaitForThem() {
        // a higher phase stops earlier: the graceful shutdown then finds no stream open
        assertThat(new LiveStreamsShutdown(hub).getPhase())
                .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }

    private String publish(UUID user) {
        AlertCursor cursor = new AlertCursor(0, offsets.getAndIncrement());
        hub.publish(cursor, LiveIntegrationTestSupport.alert(user, Instant.now()));
        return cursor.toString();
    }

    @Test
    void refusesAStreamBeyondTheInstancesTotalNamingTheLimitAndTakesOneAgainOnceAnotherClosed() {
        // Given an instance that serves three streams at most, all held by Alice and Bob
        LiveHub small = hubOf(5, 3);
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        LiveConnection first = small.open(alice, new LiveHub.UserAlerts(alice), new RecordingEmitter());
        small.open(alice, new LiveHub.UserAlerts(alice), new RecordingEmitter());
        small.open(bob, new LiveHub.UserAlerts(bob), new RecordingEmitter());
        try {
            // When Carol opens her first stream, then it is refused for the total, with its Retry-After
            assertRefused(
                    () -> small.open(carol, new LiveHub.UserAlerts(carol), new RecordingEmitter()), "streams-total", 3);

            // And once one of Alice's closed, Carol's is taken
            first.close();
            small.open(carol, new LiveHub.UserAlerts(carol), new RecordingEmitter());
            assertThat(small.openConnections()).isEqualTo(3);
        } finally {
            small.shutdown();
        }
    }

    @Test
    void aStreamRefusedForTheUsersLimitTakesNoPlaceOfTheTotal() {
        // Given an instance of two streams at most, one a user, and Alice holding hers
        LiveHub small = hubOf(1, 2);
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        small.open(alice, new LiveHub.UserAlerts(alice), new RecordingEmitter());
        try {
            // When she opens a second, then it is refused for her own limit
            assertRefused(
                    () -> small.open(alice, new LiveHub.UserAlerts(alice), new RecordingEmitter()),
                    "streams-per-user",
                    1);

            // And Bob still gets the instance's second stream
            small.open(bob, new LiveHub.UserAlerts(bob), new RecordingEmitter());
            assertThat(small.openConnections()).isEqualTo(2);
        } finally {
            small.shutdown();
        }
    }

    private static LiveHub hubOf(int perUser, int total) {
        return new LiveHub(new LiveSettings(
                Duration.ofMinutes(1),
                perUser,
                QUEUE_CAPACITY,
                1,
                Duration.ofMinutes(30),
                1000,
                1000,
                Duration.ofSeconds(5),
                total,
                Duration.ofSeconds(7)));
    }

    private static void assertRefused(Runnable open, String limit, long maximum) {
        assertThatThrownBy(open::run).isInstanceOfSatisfying(TooManyConnectionsException.class, refused -> {
            assertThat(refused.status().value()).isEqualTo(429);
            assertThat(refused.properties()).containsEntry("limit", limit).containsEntry("maximum", maximum);
            assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("7");
        });
    }

    /** A client that stopped reading: its first write blocks until released (the client reads again). */
    private static final class StalledEmitter extends SseEmitter {

        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger writes = new AtomicInteger();
        private final AtomicBoolean completed = new AtomicBoolean();

        @Override
        public void send(SseEventBuilder event) throws IOException {
            writes.incrementAndGet();
            try {
                released.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public synchronized void complete() {
            completed.set(true);
            super.complete();
        }

        void release() {
            released.countDown();
        }

        int writes() {
            return writes.get();
        }

        boolean completed() {
            return completed.get();
        }
    }
}
