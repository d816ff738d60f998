package org.stockalerts.api.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client: reads the stream line by line on a virtual thread. */
final class SseClient implements AutoCloseable {

    /** One received event. */
    record Event(String id, String name, String data) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int status;
    private final Stream<String> lines;
    private final HttpHeaders headers;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> body = new CopyOnWriteArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();

    private SseClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.headers = response.headers();
        this.lines = response.body();
        Thread.ofVirtual().start(this::read);
    }

    /** Connects and returns once the response headers arrived. */
    static SseClient connect(URI uri, String bearer, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", bearer)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    int status() {
        return status;
    }

    /** The response header {@code name}, if sent. */
    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<String> ids() {
        return events.stream().map(Event::id).toList();
    }

    int comments() {
        return comments.get();
    }

    String body() {
        return String.join("\n", body);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                body.add(line);
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
