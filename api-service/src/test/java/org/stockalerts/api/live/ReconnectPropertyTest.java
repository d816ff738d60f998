package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.api.alerts.ResumePoint;
import org.stockalerts.common.event.AlertTriggered;

/**
 * A client that reconnects after any alert of a stream full of ties (several alerts per tick, several
 * ticks per millisecond, other users' alerts in between) gets every later alert once, in order: to any
 * instance (whose live listener may be behind or ahead, started at any point, with any window), while
 * the persistence service lags anywhere, with reads of the topic that may fail, and a replay limit that
 * ends streams early (the client then reconnects from the last alert it got).
 */
class ReconnectPropertyTest {

    private static final UUID USER = UUID.randomUUID();
    private static final int MAX_RECONNECTS = 200;

    /** One record of the user's partition of alerts-triggered. */
    private record Rec(long offset, UUID userId, AlertTriggered alert) {

        AlertCursor cursor() {
            return new AlertCursor(0, offset);
        }
    }

    @Property(tries = 300)
    void aClientThatReconnectsAfterAnyAlertGetsEveryLaterAlertOnceInOrder(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 4) Integer> alertsPerTick,
            @ForAll @IntRange(min = 0, max = 4) int window,
            @ForAll @IntRange(min = 1, max = 5) int replayLimit,
            @ForAll Random random) {
        // Given a partition holding the user's alerts among others', fired by ticks that share timestamps
        List<Rec> topic = topic(alertsPerTick, random);
        List<String> sequence = topic.stream()
                .filter(rec -> rec.userId().equals(USER))
                .map(rec -> rec.cursor().toString())
                .toList();
        LiveSettings settings = new LiveSettings(
                Duration.ofMinutes(1),
                5,
                1000,
                1,
                Duration.ofMinutes(30),
                replayLimit,
                window,
                Duration.ofSeconds(5),
                1000,
                Duration.ofSeconds(10));

        for (int seen = 1; seen <= sequence.size(); seen++) {
            // When the client, having received the first alerts up to this one, reconnects until it is live
            List<String> received = new ArrayList<>(sequence.subList(0, seen));
            reconnectUntilLive(topic, received, settings, random);

            // Then it has each alert of the sequence once, in the order of the sequence
            assertThat(received).as("reconnected after %s", seen).containsExactlyElementsOf(sequence);
        }
    }

    private static void reconnectUntilLive(
            List<Rec> topic, List<String> received, LiveSettings settings, Random random) {
        long end = topic.getLast().offset() + 1;
        long stored = -1;
        for (int attempt = 0; attempt < MAX_RECONNECTS; attempt++) {
            long passedLive = between(random, 0, end);
            long listenerStart = between(random, 0, passedLive);
            stored = Math.max(stored, between(random, -1, end - 1));
            LiveHub hub = new LiveHub(settings, new DirectExecutor());
            try {
                publish(hub, topic, listenerStart, passedLive);
                RecordingEmitter client = new RecordingEmitter();
                AlertStreams streams = new AlertStreams(
                        hub,
                        null,
                        new StoredPrefix(topic, stored),
                        new TopicRead(topic, between(random, passedLive, end), random.nextInt(4) == 0),
                        settings);
                AlertCursor last = AlertCursor.parse(received.getLast()).orElseThrow();
                streams.resume(USER, new ResumePoint.AfterCursor(last, null), client);
                publish(hub, topic, passedLive, end);
                received.addAll(client.ids());
                if (!client.completed()) {
                    return;
                }
            } finally {
                hub.shutdown();
            }
        }
    }

    private static List<Rec> topic(List<Integer> alertsPerTick, Random random) {
        List<Rec> topic = new ArrayList<>();
        Instant at = Instant.parse("2026-12-03T12:00:00Z");
        long offset = 0;
        for (int alerts : alertsPerTick) {
            if (random.nextInt(3) == 0) {
                at = at.plusMillis(1);
            }
            for (int i = 0; i < alerts; i++) {
                UUID owner = random.nextInt(3) == 0 ? UUID.randomUUID() : USER;
                topic.add(new Rec(offset++, owner, LiveIntegrationTestSupport.alert(owner, at)));
            }
            if (random.nextInt(4) == 0) {
                offset++; // a transaction marker takes an offset too
            }
        }
        return topic;
    }

    /** The live listener passes on the records of {@code [from, to)}. */
    private static void publish(LiveHub hub, List<Rec> topic, long from, long to) {
        topic.stream()
                .filter(rec -> rec.offset() >= from && rec.offset() < to)
                .forEach(rec -> hub.publish(rec.cursor(), rec.alert()));
    }

    private static long between(Random random, long min, long max) {
        return min + (long) random.nextInt((int) (max - min + 1));
    }

    /** persistence.alerts holding the records up to {@code upTo}, as persistence-consumer stores them. */
    private static final class StoredPrefix extends StoredAlerts {

        private final List<Rec> topic;
        private final long upTo;

        StoredPrefix(List<Rec> topic, long upTo) {
            super(null);
            this.topic = topic;
            this.upTo = upTo;
        }

        @Override
        long storedUpTo(int partition) {
            return topic.stream()
                    .mapToLong(Rec::offset)
                    .filter(offset -> offset <= upTo)
                    .max()
                    .orElse(-1);
        }

        @Override
        List<LiveEvent> after(UUID userId, ResumePoint point, int partition, long bound, int limit) {
            long after = ((ResumePoint.AfterCursor) point).cursor().offset();
            return topic.stream()
                    .filter(rec -> rec.userId().equals(userId))
                    .filter(rec -> rec.offset() > after && rec.offset() <= Math.min(upTo, bound))
                    .limit(limit)
                    .map(rec -> LiveEvent.alert(rec.cursor(), rec.alert()))
                    .toList();
        }
    }

    /** alerts-triggered read straight, up to its end at that moment, or failing. */
    private static final class TopicRead extends AlertTopicReader {

        private final List<Rec> topic;
        private final long end;
        private final boolean fails;

        TopicRead(List<Rec> topic, long end, boolean fails) {
            super(null, null, null);
            this.topic = topic;
            this.end = end;
            this.fails = fails;
        }

        @Override
        Optional<List<LiveEvent>> after(UUID userId, int partition, long offset) {
            if (fails) {
                return Optional.empty();
            }
            return Optional.of(topic.stream()
                    .filter(rec -> rec.userId().equals(userId) && rec.offset() > offset && rec.offset() < end)
                    .map(rec -> LiveEvent.alert(rec.cursor(), rec.alert()))
                    .toList());
        }
    }

    /** Writes to the clients on the caller's thread, so a test sees every write as soon as it returns. */
    private static final class DirectExecutor extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
