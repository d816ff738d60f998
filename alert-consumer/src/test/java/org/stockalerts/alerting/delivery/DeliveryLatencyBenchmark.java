package org.stockalerts.alerting.delivery;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.WithServiceSchemas;

/**
 * Latency from an alert published on alerts-triggered to its webhook request at the receiver, at
 * {@value #ALERTS_PER_SECOND} alerts/s (10 % of 1,000 ticks/s firing) over {@value #USERS} users,
 * first with healthy receivers only, then with one more receiver that never answers and gets every
 * tenth alert. Not part of the build (the class name matches no test pattern); run it with
 * {@code ./mvnw -B -q -pl alert-consumer -am test -Dspotless.check.skip -Dtest=DeliveryLatencyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Default delivery settings, apart from the allow-listed test
 * receivers. Each row ends with the load average (1 min) after its phase.
 */
@IntegrationTest
@SpringBootTest(properties = "stockalerts.delivery.allowed-hosts=127.0.0.1,localhost")
@WithServiceSchemas("api")
class DeliveryLatencyBenchmark {

    private static final int ALERTS_PER_SECOND = 100;
    private static final int USERS = 50;
    private static final Duration PHASE = Duration.ofSeconds(30);

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Autowired
    JdbcTemplate jdbc;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();

    @Test
    void measuresAlertToWebhookLatency(@Autowired KafkaListenerEndpointRegistry listeners) throws Exception {
        DeliveryFixtures.awaitPartitionsAssigned(listeners, Duration.ofSeconds(60));
        try (MockWebServer healthy = DeliveryFixtures.started(recording());
                MockWebServer stuck = DeliveryFixtures.started(never())) {
            List<UUID> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                UUID user = DeliveryFixtures.user(jdbc);
                DeliveryFixtures.webhook(jdbc, user, healthy, DeliveryFixtures.newSecret());
                users.add(user);
            }
            UUID stuckUser = DeliveryFixtures.user(jdbc);
            DeliveryFixtures.webhook(jdbc, stuckUser, stuck, DeliveryFixtures.newSecret());

            run("warm-up (not reported)", users, null, Duration.ofSeconds(10));
            report("healthy receivers only", run("healthy", users, null, PHASE));
            report("plus one never-answering receiver (every 10th alert)", run("stuck", users, stuckUser, PHASE));
        }
    }

    /** Publishes at the target rate for {@code length}; returns the healthy receivers' latencies (ms). */
    private long[] run(String phase, List<UUID> users, UUID stuckUser, Duration length) {
        int total = (int) (length.toSeconds() * ALERTS_PER_SECOND);
        List<String> healthyIds = new ArrayList<>();
        AtomicInteger sequence = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(
                () -> {
                    int i = sequence.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    boolean toStuck = stuckUser != null && i % 10 == 9;
                    UUID user = toStuck ? stuckUser : users.get(i % users.size());
                    AlertTriggered alert = DeliveryFixtures.webhookAlert(user, phase + " alert " + i);
                    String id = alert.alertId().toString();
                    if (!toStuck) {
                        synchronized (healthyIds) {
                            healthyIds.add(id);
                        }
                    }
                    sentAt.put(id, System.nanoTime());
                    kafka.send(Topics.ALERTS_TRIGGERED.name(), user.toString(), alert);
                },
                0,
                1_000_000 / ALERTS_PER_SECOND,
                TimeUnit.MICROSECONDS);
        await().atMost(length.plusSeconds(60)).until(() -> sequence.get() >= total);
        pacer.shutdownNow();
        await().atMost(Duration.ofSeconds(120)).until(() -> healthyIds.stream().allMatch(receivedAt::containsKey));
        return healthyIds.stream()
                .mapToLong(id -> TimeUnit.NANOSECONDS.toMillis(receivedAt.get(id) - sentAt.get(id)))
                .sorted()
                .toArray();
    }

    private static void report(String phase, long[] millis) {
        System.out.printf(
                "| %s | %d | %d | %d | %d | %d | %s |%n",
                phase,
                millis.length,
                percentile(millis, 50),
                percentile(millis, 95),
                percentile(millis, 99),
                Arrays.stream(millis).max().orElse(0),
                loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private MockWebServer recording() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                receivedAt.putIfAbsent(request.getHeaders().get("webhook-id"), System.nanoTime());
                return DeliveryFixtures.accepted();
            }
        });
        return server;
    }

    private static MockWebServer never() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return DeliveryFixtures.never();
            }
        });
        return server;
    }
}
