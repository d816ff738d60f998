package org.stockalerts.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.stockalerts.e2e.BenchmarkServices;
import org.stockalerts.e2e.ServiceProcess;
import org.stockalerts.testsupport.TestDatabase;

/**
 * The whole system as separate processes: a Kafka broker, the four services from their executable
 * jars, a fresh database on the local PostgreSQL (dropped when the JVM exits). Any service (or the
 * broker) can be killed and started again on the same ports, settings and state folder. With
 * {@code alertsThroughProxy} (scenario C7), alert-consumer alone reaches the broker through the
 * broker's {@link KafkaBroker#proxy()}; every other service, and the harness, connect directly.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class FaultSystem implements AutoCloseable {

    static final Duration STARTUP = Duration.ofMinutes(10);
    private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");

    /** The four services, with the variable that sets each one's port. */
    enum Service {
        API("api-service", "API_PORT", null),
        ALERTS("alert-consumer", "ALERT_CONSUMER_PORT", "alert-engine"),
        PERSISTENCE("persistence-consumer", "PERSISTENCE_CONSUMER_PORT", "persistence-consumer-ticks"),
        ANALYTICS("analytics-consumer", "ANALYTICS_CONSUMER_PORT", "analytics-consumer");

        final String module;
        final String portVariable;
        /** The consumer group that reads stock-prices, whose lag says the service caught up; null: none. */
        final String tickGroup;

        Service(String module, String portVariable, String tickGroup) {
            this.module = module;
            this.portVariable = portVariable;
            this.tickGroup = tickGroup;
        }

        static Service named(String module) {
            for (Service service : values()) {
                if (service.module.equals(module)) {
                    return service;
                }
            }
            throw new IllegalArgumentException("no service " + module);
        }
    }

    private final KafkaBroker broker;
    private final TestDatabase.Endpoint database;
    private final Path work;
    private final boolean alertsThroughProxy;
    /** Variables added to a service's environment (C10: alert-consumer under libfaketime). */
    private final Map<Service, Map<String, String>> extraEnv;

    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);

    /**
     * Starts the broker, then the four services, alert-consumer through the broker's proxy when
     * {@code alertsThroughProxy} (C7), with {@code extraEnv} added to the given services' environments;
     * returns once every service's health is UP.
     */
    static FaultSystem start(
            Path work, Path kafkaLib, boolean alertsThroughProxy, Map<Service, Map<String, String>> extraEnv)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        FaultSystem system = new FaultSystem(
                KafkaBroker.start(work.resolve("kafka"), kafkaLib),
                TestDatabase.endpoint(),
                work,
                alertsThroughProxy,
                extraEnv);
        Runtime.getRuntime().addShutdownHook(new Thread(system::stopQuietly, "faults-stop"));
        for (Service service : Service.values()) {
            system.running.put(
                    service, ServiceProcess.start(service.module, service.portVariable, system.env(service), JVM));
        }
        for (Service service : Service.values()) {
            system.awaitUp(service, STARTUP);
        }
        return system;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    TestDatabase.Endpoint database() {
        return database;
    }

    KafkaBroker broker() {
        return broker;
    }

    String apiBaseUrl() {
        return running.get(Service.API).baseUrl();
    }

    ServiceProcess process(Service service) {
        return running.get(service);
    }

    /** The folder of a Kafka Streams service's state (alert-consumer, analytics-consumer). */
    Path stateDir(Service service) {
        return work.resolve("state").resolve(service.module);
    }

    void kill(Service service) throws InterruptedException {
        running.get(service).kill();
    }

    /** Starts a killed service again (same ports, settings and state folder); does not wait for it. */
    void restart(Service service) throws IOException {
        running.put(service, running.get(service).restart());
    }

    /** Waits until {@code service} answers UP; returns how long that took. */
    Duration awaitUp(Service service, Duration atMost) {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        while (!running.get(service).isUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.module + " was not UP within " + atMost);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * The benchmarks' environment of a service (broker, database, webhooks to 127.0.0.1), its own state
     * folder; a restart reuses it, so a proxied alert-consumer stays behind the same proxy.
     */
    private Map<String, String> env(Service service) throws IOException {
        boolean proxied = alertsThroughProxy && service == Service.ALERTS;
        Map<String, String> env = new HashMap<>(
                BenchmarkServices.environment(proxied ? broker.proxiedBootstrapServers() : broker.bootstrapServers()));
        env.put("STOCKALERTS_STATE_DIR", stateDir(service).toString());
        env.putAll(extraEnv.getOrDefault(service, Map.of()));
        return env;
    }

    private void stopQuietly() {
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        for (Service service : List.of(Service.values()).reversed()) {
            ServiceProcess process = running.remove(service);
            if (process != null) {
                process.close();
            }
        }
        broker.close();
    }
}
