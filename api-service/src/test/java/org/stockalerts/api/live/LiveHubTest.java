package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.stockalerts.common.event.AlertTriggered;

/** The hub's fan-out to open streams, with emitters that stand in for clients reading fast or not at all. */
class LiveHubTest {

    private static final int QUEUE_CAPACITY = 4;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LiveHub hub =
            new LiveHub(new LiveSettings(Duration.ofMinutes(1), 5, QUEUE_CAPACITY, 4, Duration.ofMinutes(30), 1000));
    private final StalledEmitter stalled = new StalledEmitter();

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
        hub.open(alice, new LiveHub.UserAlerts(alice), stalled).start(List.of());
        hub.open(alice, new LiveHub.UserAlerts(alice), alicesOther).start(List.of());
        hub.open(bob, new LiveHub.UserAlerts(bob), bobs).start(List.of());

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

    private String publish(UUID user) {
        AlertTriggered alert = LiveIntegrationTestSupport.alert(user, Instant.now());
        hub.publish(alert);
        return alert.alertId().toString();
    }

    /** A client that reads everything at once: records the ids of the events written to it. */
    private static class RecordingEmitter extends SseEmitter {

        private static final Pattern ID = Pattern.compile("(?m)^id:(.+)$");

        private final List<String> ids = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder event) throws IOException {
            for (DataWithMediaType part : event.build()) {
                Matcher id = ID.matcher(part.getData().toString());
                if (id.find()) {
                    ids.add(id.group(1));
                }
            }
        }

        List<String> ids() {
            return List.copyOf(ids);
        }
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
