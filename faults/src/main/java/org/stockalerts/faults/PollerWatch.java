package org.stockalerts.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Samples every api-service instance's Prometheus metrics once a second into a {@link PublisherTimeline}: how many
 * ticks of the simulated feed it published, and whether it says it leads.
 */
final class PollerWatch implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(1);
    private static final String PUBLISHED = "stockalerts_ticks_published_total";
    private static final String LEADER = "stockalerts_marketdata_leader";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final int instances;
    /** The management base URL ({@code http://127.0.0.1:port/actuator}) of instance {@code i}, as it is now. */
    private final IntFunction<String> actuator;

    private final PublisherTimeline timeline = new PublisherTimeline();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread sampler;

    PollerWatch(int instances, IntFunction<String> actuator) {
        this.instances = instances;
        this.actuator = actuator;
        this.sampler = Thread.ofPlatform().daemon().name("poller-watch").start(this::sample);
    }

    PublisherTimeline timeline() {
        return timeline;
    }

    private void sample() {
        while (open.get()) {
            long next = System.nanoTime() + EVERY.toNanos();
            // stamped before the reads: every reading of a sample stamped after a stop was taken after it
            long at = System.currentTimeMillis();
            List<PublisherTimeline.Reading> readings = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                readings.add(read(i));
            }
            timeline.add(new PublisherTimeline.Sample(at, readings));
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }

    private PublisherTimeline.Reading read(int instance) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(actuator.apply(instance) + "/prometheus"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : PublisherTimeline.Reading.ABSENT;
        } catch (IOException | RuntimeException e) {
            return PublisherTimeline.Reading.ABSENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PublisherTimeline.Reading.ABSENT;
        }
    }

    /** The simulated feed's published ticks and the leader gauge from a Prometheus text exposition. */
    static PublisherTimeline.Reading parse(String exposition) {
        Long published = null;
        boolean leader = false;
        for (String line : exposition.lines().toList()) {
            if (line.startsWith(PUBLISHED + "{")
                    && line.contains("outcome=\"published\"")
                    && line.contains("source=\"SIMULATED\"")) {
                published = (long) Double.parseDouble(value(line));
            } else if (line.startsWith(LEADER + " ") || line.startsWith(LEADER + "{")) {
                leader = Double.parseDouble(value(line)) > 0;
            }
        }
        return published == null ? PublisherTimeline.Reading.ABSENT : new PublisherTimeline.Reading(published, leader);
    }

    private static String value(String line) {
        int labels = line.lastIndexOf('}');
        String rest = labels < 0 ? line.substring(line.indexOf(' ')) : line.substring(labels + 1);
        return rest.strip().split(" ")[0];
    }

    @Override
    public void close() throws InterruptedException {
        open.set(false);
        sampler.join(TimeUnit.SECONDS.toMillis(5));
    }
}
