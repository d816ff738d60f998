package org.stockalerts.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.stockalerts.alerting.delivery.DeliveryTopics;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.faults.FaultSystem.Service;
import org.stockalerts.testsupport.TcpProxy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * C6: under load, PostgreSQL goes away for each of {@code --db-down} seconds and comes back. The shared
 * server must never be stopped, so every service reaches it through a {@link TcpProxy} that is
 * {@linkplain TcpProxy#cut() cut}: every open connection is closed and new ones are refused, which is what
 * a client sees of a stopped server (minus PostgreSQL's "terminating connection" notice); the harness
 * reads the database directly. Per outage: when each service's {@code db} health component went DOWN
 * after the cut and was UP again after the heal, how long after the heal the fan-out, delivery and tick
 * store groups were caught up, the dead letters by topic, and (after the drain) every sink's losses
 * among the alerts the outage's ticks fired. Target: 0 lost ticks, 0 dead letters, every alert fired
 * during an outage delivered after it.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class DatabaseOutageScenario {

    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration BACK = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode NO_ANSWER = JSON.readTree("{\"components\":{\"db\":{\"status\":\"no answer\"}}}");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One outage: its length, and the acknowledged ticks from its cut to its heal. */
    record Outage(int seconds, int fromTick, int toTick) {}

    private final Options options;
    private final ScenarioNotes notes;
    private final List<Outage> outages = new ArrayList<>();

    /** Every outage in turn; for each, every service's time to UP and to caught up after the heal. */
    List<KillScenario.Kill> run(LoadedRun run) throws Exception {
        FaultSystem system = run.system();
        TcpProxy proxy = system.databaseProxy();
        List<KillScenario.Kill> back = new ArrayList<>();
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            for (int down : options.databaseDownSeconds()) {
                LockSupport.parkNanos(SETTLE.toNanos());
                List<HealthWatch> watches = new ArrayList<>();
                int fromTick = run.acknowledgedTicks();
                long cut = System.nanoTime();
                proxy.cut();
                for (Service service : Service.values()) {
                    watches.add(new HealthWatch(service, system, cut));
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(down));
                proxy.heal();
                long healed = System.nanoTime();
                watches.forEach(watch -> watch.healed(healed));
                int toTick = run.acknowledgedTicks();
                outages.add(new Outage(down, fromTick, toTick));
                Map<Service, Future<Duration>> caughtUp = new EnumMap<>(Service.class);
                try (ExecutorService measures = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (Service service : Service.values()) {
                        caughtUp.put(service, measures.submit(() -> caughtUp(lag, service, healed)));
                    }
                    for (HealthWatch watch : watches) {
                        system.awaitUp(watch.service, BACK);
                        watch.awaitHealthUp();
                    }
                    for (HealthWatch watch : watches) {
                        watch.stop();
                        Duration caught = caughtUp.get(watch.service).get();
                        notes.add(
                                "database down %d s: %s db %s after the cut, db UP %s and health UP %s after the heal,"
                                        + " caught up %s after the heal",
                                down,
                                watch.service.module,
                                watch.firstDown(),
                                ScenarioNotes.seconds(watch.dbUp()),
                                ScenarioNotes.seconds(watch.healthUp()),
                                ScenarioNotes.seconds(caught));
                        back.add(new KillScenario.Kill(watch.service, watch.healthUp(), caught, null));
                    }
                }
                notes.add(
                        "database down %d s: %d ticks acknowledged meanwhile; dead letters %s",
                        down, toTick - fromTick, lag.deadLetters());
            }
        }
        return back;
    }

    /** After the drain: per outage, the alerts its ticks fired and how many of them each sink lacks. */
    void afterDrain(LoadedRun run) throws Exception {
        for (Outage outage : outages) {
            List<SinkCheck> checks = run.checksOfTicks(outage.fromTick(), outage.toTick());
            notes.add(
                    "database down %d s: %s",
                    outage.seconds(),
                    checks.stream()
                            .filter(check -> !check.sink().startsWith("webhooks (webhook-id"))
                            .map(check -> String.format(
                                    Locale.ROOT, "%s %d fired, %d lost", check.sink(), check.expected(), check.lost()))
                            .collect(Collectors.joining("; ")));
        }
    }

    /** From the heal until the service's groups are back to one second of their records (null: none, or not in 10 min). */
    private Duration caughtUp(ConsumerLag lag, Service service, long healed) throws InterruptedException {
        long alerts = Math.max(1, options.rate() / 10);
        if (service == Service.ALERTS) {
            if (lag.timeToCatchUp("alert-delivery", Topics.ALERTS_TRIGGERED.name(), alerts, BACK) == null
                    || lag.timeToCatchUp("alert-delivery-send", DeliveryTopics.REQUESTS, alerts, BACK) == null) {
                return null;
            }
        } else if (service == Service.PERSISTENCE) {
            if (lag.timeToCatchUp(service.tickGroup, Topics.STOCK_PRICES.name(), options.rate(), BACK) == null) {
                return null;
            }
        } else {
            return null;
        }
        return Duration.ofNanos(System.nanoTime() - healed);
    }

    /**
     * Polls a service's {@code db} health component from the cut on (on a thread of its own: a health
     * call can wait for HikariCP's connection timeout): when it first was not UP, and when it was UP
     * again after the heal.
     */
    private static final class HealthWatch {

        private final Service service;
        private final FaultSystem system;
        private final long cut;
        private final AtomicLong healed = new AtomicLong();
        private volatile String firstDown = "never DOWN (or no db component)";
        private volatile Duration dbUp;
        private volatile Duration healthUp;
        private volatile boolean stopped;

        HealthWatch(Service service, FaultSystem system, long cut) {
            this.service = service;
            this.system = system;
            this.cut = cut;
            Thread.ofVirtual().name("c6-health-" + service.module).start(this::poll);
        }

        void healed(long at) {
            healed.set(at);
        }

        void stop() {
            stopped = true;
        }

        String firstDown() {
            return firstDown;
        }

        Duration dbUp() {
            return dbUp;
        }

        /** Waits (at most {@link #SETTLE}) until the watch saw the health UP after the heal. */
        void awaitHealthUp() {
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (healthUp == null && System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL.toNanos());
            }
        }

        /** From the heal until the whole health answered UP; null if not seen. */
        Duration healthUp() {
            return healthUp;
        }

        private void poll() {
            boolean sawDown = false;
            while (!stopped) {
                JsonNode health = health();
                String status =
                        health.path("components").path("db").path("status").asString("none");
                long now = System.nanoTime();
                long heal = healed.get();
                if (heal > 0
                        && healthUp == null
                        && health.path("status").asString("").equals("UP")) {
                    healthUp = Duration.ofNanos(Math.max(0, now - heal));
                }
                if (!sawDown && !status.equals("UP") && !status.equals("none")) {
                    sawDown = true;
                    firstDown = status + " " + String.format(Locale.ROOT, "%.1f s", (now - cut) / 1e9)
                            + (heal > 0 ? " (after the heal)" : "");
                }
                if (heal > 0 && dbUp == null && status.equals("UP")) {
                    dbUp = Duration.ofNanos(Math.max(0, now - heal));
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
        }

        /** The health endpoint's answer; {@code {"components":{"db":{"status":"no answer"}}}} when it did not answer. */
        private JsonNode health() {
            try {
                HttpResponse<String> health = HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(system.process(service).managementBaseUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(40))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return JSON.readTree(health.body());
            } catch (IOException | JacksonException e) {
                return NO_ANSWER;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return NO_ANSWER;
            }
        }
    }
}
