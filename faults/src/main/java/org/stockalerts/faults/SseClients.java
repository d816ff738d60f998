package org.stockalerts.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * One alert stream client per user, as a browser's EventSource behaves: when the stream ends or
 * fails (api-service killed, the stream's time limit) it reconnects after a second with the id of
 * the last event it saw as {@code Last-Event-ID}. Alerts are counted by alertId, so a replayed one
 * shows as a duplicate.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class SseClients implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Supplier<String> apiBaseUrl;
    private final Map<UUID, Integer> alertIds = new ConcurrentHashMap<>();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<InputStream> streams = new CopyOnWriteArrayList<>();

    void watch(Population.User user) {
        Thread.ofVirtual().name("sse-" + user.id()).start(() -> follow(user));
    }

    Map<UUID, Integer> alertIds() {
        return Map.copyOf(alertIds);
    }

    long reconnects() {
        return reconnects.get();
    }

    private void follow(Population.User user) {
        // kept outside the connection: a stream cut by a kill still counts the events it delivered
        AtomicReference<String> lastEventId = new AtomicReference<>();
        while (open.get()) {
            try {
                read(user, lastEventId);
            } catch (IOException | RuntimeException e) {
                // the service is down or the stream broke: reconnect, as EventSource does
            } catch (InterruptedException e) {
                return;
            }
            if (open.get()) {
                reconnects.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY.toMillis()));
            }
        }
    }

    /** Reads one connection's events until it ends, noting each event's id in {@code lastEventId}. */
    private void read(Population.User user, AtomicReference<String> lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(apiBaseUrl.get() + "/users/" + user.id() + "/alerts/stream"))
                .header("Authorization", "Bearer " + user.apiKey())
                .header("Accept", "text/event-stream");
        if (lastEventId.get() != null) {
            request.header("Last-Event-ID", lastEventId.get());
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body();
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                return;
            }
            streams.add(body);
            StringBuilder data = new StringBuilder();
            String id = null;
            for (String line = lines.readLine(); line != null && open.get(); line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    UUID alert = UUID.fromString(
                            JSON.readTree(data.toString()).get("alertId").asString());
                    alertIds.merge(alert, 1, Integer::sum);
                    if (id != null) {
                        lastEventId.set(id);
                    }
                    data.setLength(0);
                    id = null;
                }
            }
            streams.remove(body);
        }
    }

    @Override
    public void close() throws IOException {
        open.set(false);
        for (InputStream stream : streams) {
            stream.close();
        }
    }
}
