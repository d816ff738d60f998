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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert stream clients, as a browser's EventSource behaves: when the stream ends or fails (api-service
 * killed, the stream's time limit) it reconnects after a second with the id of the last event it saw as
 * {@code Last-Event-ID}. Alerts are counted by alertId per client, so a replayed one shows as a duplicate.
 * With several api-service instances (scenario S1) each client starts on an instance of its own and, as behind a
 * load balancer, reconnects to the next one: its {@code Last-Event-ID} then comes from another instance.
 */
final class SseClients implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** A user's stream client, started on instance {@code home}; {@code alertIds} counts what it received. */
    private record Client(Population.User user, int home, Map<UUID, Integer> alertIds, AtomicInteger instance) {}

    private final IntFunction<String> apiBaseUrl;
    private final int instances;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AtomicLong movedReconnects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<InputStream> streams = new CopyOnWriteArrayList<>();

    /** Clients of the one api-service at {@code apiBaseUrl}. */
    SseClients(Supplier<String> apiBaseUrl) {
        this(instance -> apiBaseUrl.get(), 1);
    }

    /** Clients of {@code instances} api-service instances, instance {@code i} at {@code apiBaseUrl.apply(i)}. */
    SseClients(IntFunction<String> apiBaseUrl, int instances) {
        this.apiBaseUrl = apiBaseUrl;
        this.instances = instances;
    }

    /** A client of {@code user}'s stream on the first instance. */
    void watch(Population.User user) {
        watch(user, 0);
    }

    /** A client of {@code user}'s stream that connects to instance {@code home} first. */
    void watch(Population.User user, int home) {
        Client client = new Client(user, home, new ConcurrentHashMap<>(), new AtomicInteger(home));
        clients.add(client);
        Thread.ofVirtual().name("sse-" + user.id() + "-" + home).start(() -> follow(client));
    }

    /** Every client's alerts together. */
    Map<UUID, Integer> alertIds() {
        Map<UUID, Integer> all = new HashMap<>();
        clients.forEach(client -> client.alertIds().forEach((id, count) -> all.merge(id, count, Integer::sum)));
        return all;
    }

    long reconnects() {
        return reconnects.get();
    }

    /** Reconnects that went to another instance than the one whose stream ended. */
    long movedReconnects() {
        return movedReconnects.get();
    }

    /**
     * One check per first instance (one, {@code SSE clients}, with a single instance): each client must receive every
     * expected alert of its user ({@code owners}: alertId to userId) once, and no alert of another user; the counts
     * of the clients are summed.
     */
    List<SinkCheck> checks(Set<UUID> expected, Set<UUID> ignored, Map<UUID, UUID> owners) {
        List<SinkCheck> checks = new ArrayList<>();
        for (int home = 0; home < instances; home++) {
            String sink = instances == 1 ? "SSE clients" : "SSE clients from api-service " + (home + 1);
            SinkCheck sum = new SinkCheck(sink, 0, 0, 0, 0);
            for (Client client : clients) {
                if (client.home() == home) {
                    Set<UUID> ofUser = new HashSet<>();
                    expected.stream()
                            .filter(id -> client.user().id().equals(owners.get(id)))
                            .forEach(ofUser::add);
                    sum = sum.plus(SinkCheck.of(sink, ofUser, Map.copyOf(client.alertIds()), ignored));
                }
            }
            checks.add(sum);
        }
        return checks;
    }

    private void follow(Client client) {
        // kept outside the connection: a stream cut by a kill still counts the events it delivered
        AtomicReference<String> lastEventId = new AtomicReference<>();
        while (open.get()) {
            try {
                read(client, lastEventId);
            } catch (IOException | RuntimeException e) {
                // the service is down or the stream broke: reconnect, as EventSource does
            } catch (InterruptedException e) {
                return;
            }
            if (open.get()) {
                reconnects.incrementAndGet();
                if (instances > 1) {
                    client.instance().set((client.instance().get() + 1) % instances);
                    movedReconnects.incrementAndGet();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY.toMillis()));
            }
        }
    }

    /** Reads one connection's events until it ends, noting each event's id in {@code lastEventId}. */
    private void read(Client client, AtomicReference<String> lastEventId) throws IOException, InterruptedException {
        Population.User user = client.user();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        apiBaseUrl.apply(client.instance().get()) + "/users/" + user.id() + "/alerts/stream"))
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
                    client.alertIds().merge(alert, 1, Integer::sum);
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
