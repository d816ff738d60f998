package org.stockalerts.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a benchmark watches fired alerts arrive, each noted by the tick that fired it (the alert's
 * {@code sourceEventId}) with the {@link System#nanoTime()} of its first arrival: a read_committed
 * consumer of alerts-triggered, the users' SSE streams of api-service, a webhook receiver that
 * answers 204 at once, or, at {@link #stuckWebhookAddress}, never, and (whole system) the stored alerts.
 */
final class AlertArrivals implements AutoCloseable {

    /** The three places an alert is watched at. */
    enum Probe {
        /** A read_committed consumer of alerts-triggered: the engine's part. */
        TOPIC,
        /** The owner's {@code /users/{id}/alerts/stream}. */
        SSE,
        /** The owner's webhook receiver. */
        WEBHOOK,
        /** A row in persistence-consumer's stored alerts, read by polling them every {@value #STORED_POLL_MILLIS} ms. */
        STORED
    }

    static final long STORED_POLL_MILLIS = 50;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<Probe, Map<UUID, Long>> arrivals = new EnumMap<>(Probe.class);
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private final HttpServer receiver;
    private final ExecutorService receiverThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);

    AlertArrivals() throws IOException {
        for (Probe probe : Probe.values()) {
            arrivals.put(probe, new ConcurrentHashMap<>());
        }
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 200);
        receiver.createContext("/hooks/", this::webhook);
        receiver.createContext("/stuck/", this::neverAnswer);
        receiver.setExecutor(receiverThreads);
        receiver.start();
    }

    /** The webhook address of {@code user} at the receiver. */
    String webhookAddress(String user) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + user;
    }

    /** A webhook address that reads the request and never answers. */
    String stuckWebhookAddress(String user) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/stuck/" + user;
    }

    /** When the alert fired by tick {@code tickId} first arrived at {@code probe}, or null. */
    Long arrivedAt(Probe probe, UUID tickId) {
        return arrivals.get(probe).get(tickId);
    }

    /** Starts reading alerts-triggered from its end, as a read_committed consumer outside any group. */
    void watchTopic(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.ALERTS_TRIGGERED.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.ALERTS_TRIGGERED.name(), p));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread.ofPlatform().daemon().name("alerts-triggered-watch").start(() -> {
            try (consumer) {
                while (open.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        arrived(Probe.TOPIC, JSON.readTree(record.value()));
                    }
                }
            }
        });
    }

    /**
     * Starts polling the stored alerts, every {@value #STORED_POLL_MILLIS} ms, in one query for the rows
     * past the last one seen on each partition of alerts-triggered (persistence-consumer stores a
     * partition's alerts in its order, each with its partition and offset). An alert's arrival is the
     * poll that first saw it, so it is late by at most one poll interval and the query's time: the
     * figure is an upper bound, precise enough for a 500 ms target.
     */
    void watchStoredAlerts(TestDatabase.Endpoint database) {
        int partitions = Topics.ALERTS_TRIGGERED.partitions();
        String query = "SELECT kafka_partition, kafka_offset, source_event_id FROM persistence.alerts WHERE "
                + String.join(" OR ", Collections.nCopies(partitions, "(kafka_partition = ? AND kafka_offset > ?)"));
        Thread.ofPlatform().daemon().name("stored-alerts-watch").start(() -> {
            long[] seen = new long[partitions];
            Arrays.fill(seen, -1);
            try (Connection connection = database.connect();
                    PreparedStatement rows = connection.prepareStatement(query)) {
                while (open.get()) {
                    for (int partition = 0; partition < partitions; partition++) {
                        rows.setInt(2 * partition + 1, partition);
                        rows.setLong(2 * partition + 2, seen[partition]);
                    }
                    try (ResultSet found = rows.executeQuery()) {
                        long now = System.nanoTime();
                        while (found.next()) {
                            int partition = found.getInt(1);
                            seen[partition] = Math.max(seen[partition], found.getLong(2));
                            arrivals.get(Probe.STORED).putIfAbsent(found.getObject(3, UUID.class), now);
                        }
                    }
                    Thread.sleep(STORED_POLL_MILLIS);
                }
            } catch (SQLException e) {
                if (open.get()) {
                    System.err.println("reading the stored alerts failed: " + e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Opens {@code user}'s alert stream and reads it on a thread of its own. Does not wait for the
     * answer: a stream's headers may come only with its first event or heartbeat.
     */
    void watchStream(String apiBaseUrl, String user, String apiKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBaseUrl + "/users/" + user + "/alerts/stream"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream")
                .build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                System.err.println("the alert stream of " + user + " answered " + response.statusCode());
                return;
            }
            Stream<String> lines = response.body();
            resources.add(lines::close);
            Thread.ofVirtual().start(() -> readEvents(lines));
        });
    }

    private void readEvents(Stream<String> lines) {
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    arrived(Probe.SSE, JSON.readTree(data.toString()));
                    data.setLength(0);
                }
            }
        } catch (RuntimeException e) {
            if (open.get()) {
                System.err.println("an alert stream ended: " + e);
            }
        }
    }

    private void webhook(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            JsonNode payload = JSON.readTree(body.readAllBytes());
            arrived(Probe.WEBHOOK, now, payload.get("data"));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private void neverAnswer(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void arrived(Probe probe, JsonNode alert) {
        arrived(probe, System.nanoTime(), alert);
    }

    private void arrived(Probe probe, long at, JsonNode alert) {
        arrivals.get(probe)
                .putIfAbsent(UUID.fromString(alert.get("sourceEventId").asString()), at);
    }

    @Override
    public void close() throws Exception {
        open.set(false);
        closed.countDown();
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        receiver.stop(0);
        receiverThreads.shutdownNow();
    }
}
