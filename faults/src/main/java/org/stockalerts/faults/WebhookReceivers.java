package org.stockalerts.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.stockalerts.alerting.delivery.WebhookSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users' webhook endpoints: each request's Standard Webhooks signature is checked against the
 * user's secret; a correctly signed one is counted by its {@code webhook-id} and by the alertId it
 * carries (so redeliveries show as duplicates), then answered 204. A badly signed one, or one whose
 * {@code webhook-timestamp} is more than Standard Webhooks' tolerance (5 min) away from this harness's
 * clock, is counted apart and refused with 401, as a Standard Webhooks library refuses it.
 */
final class WebhookReceivers implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Standard Webhooks' tolerance: a timestamp further than this from the receiver's time is refused. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<UUID, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Integer> webhookIds = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> alertIds = new ConcurrentHashMap<>();
    private final AtomicLong badSignatures = new AtomicLong();

    WebhookReceivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 200);
        server.createContext("/hooks/", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    String address(UUID user) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + user;
    }

    void register(UUID user, String secret) {
        secrets.put(user, secret);
    }

    /** Correctly signed deliveries by alertId, with how often each arrived. */
    Map<UUID, Integer> alertIds() {
        return Map.copyOf(alertIds);
    }

    /** Correctly signed deliveries by webhook-id, with how often each arrived. */
    Map<String, Integer> webhookIds() {
        return Map.copyOf(webhookIds);
    }

    long badSignatures() {
        return badSignatures.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            UUID user = UUID.fromString(exchange.getRequestURI().getPath().substring("/hooks/".length()));
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (signedBy(secrets.get(user), id, timestamp, signatures, body)
                    && withinTolerance(timestamp, Instant.now())) {
                webhookIds.merge(id, 1, Integer::sum);
                JsonNode payload = JSON.readTree(body);
                alertIds.merge(
                        UUID.fromString(payload.get("data").get("alertId").asString()), 1, Integer::sum);
                exchange.sendResponseHeaders(204, -1);
            } else {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
            }
        }
    }

    static boolean signedBy(String secret, String id, String timestamp, String signatures, byte[] body) {
        if (secret == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        String expected = WebhookSignature.sign(secret, id, Long.parseLong(timestamp), body);
        return Arrays.asList(signatures.split(" ")).contains(expected);
    }

    static boolean withinTolerance(String timestamp, Instant now) {
        return Math.abs(Long.parseLong(timestamp) - now.getEpochSecond()) <= TOLERANCE.toSeconds();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
