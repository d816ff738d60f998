package org.stockalerts.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.stockalerts.e2e.BenchmarkServices;
import org.stockalerts.e2e.ServiceImage;
import org.stockalerts.e2e.ServiceProcess;
import org.stockalerts.testsupport.TcpProxy;
import org.stockalerts.testsupport.TestDatabase;

/**
 * The whole system as separate processes: a Kafka broker, the four services from their executable
 * jars, a fresh database on the local PostgreSQL (dropped when the JVM exits). Any service (or the
 * broker) can be killed and started again on the same ports, settings and state folder. With
 * {@link Setup#alertsThroughKafkaProxy()} (scenario C7), alert-consumer alone reaches the broker through the
 * broker's {@link KafkaBroker#proxy()}; every other service, and the harness, connect directly. With
 * {@link Setup#twice()} (scenario S1) every service runs as two instances from the start (instance 0 and 1: the same
 * groups and application ids, ports, a state folder and a log of their own).
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
    private final Setup setup;
    /** Between every service and PostgreSQL (C6), or null: the services reach it directly. */
    private final TcpProxy databaseProxy;

    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    /** Each service's instance 1 when the setup runs {@link Setup#twice()}. */
    private final Map<Service, ServiceProcess> twins = new EnumMap<>(Service.class);
    /** Second instances (C4), stopped with the system. */
    private final List<ServiceProcess> seconds = new ArrayList<>();
    /** What each service runs, its second instance too. */
    private final Map<Service, ServiceImage> images = new EnumMap<>(Service.class);

    /**
     * How a scenario wires the system: alert-consumer reaching Kafka through the broker's proxy (C7),
     * every service reaching PostgreSQL through a proxy (C6), variables added to some services'
     * environments (C10: alert-consumer under libfaketime).
     */
    record Setup(
            boolean alertsThroughKafkaProxy,
            boolean databaseThroughProxy,
            Map<Service, Map<String, String>> extraEnv,
            Path images,
            boolean twice) {

        /**
         * {@code scenario}'s wiring; with {@code images} the services run as the launcher starts them, from their
         * extracted jars with the JVM's AOT cache, trained once into that folder and reused while the jars stay
         * the same ({@link ServiceImage}); null: from the executable jars, without a cache.
         */
        static Setup of(String scenario, Path images) {
            Map<Service, Map<String, String>> extraEnv = new EnumMap<>(Service.class);
            extraEnv.putAll(ClockSkewScenario.environment(scenario));
            extraEnv.putAll(ScaleScenario.environment(scenario));
            return new Setup(
                    scenario.equals("C7"), scenario.equals("C6"), extraEnv, images, ScaleScenario.runsTwice(scenario));
        }
    }

    /**
     * Starts the broker, then the four services as {@code setup} wires them; returns once every
     * service's health is UP. With a database proxy the harness still reads PostgreSQL directly.
     */
    static FaultSystem start(Path work, Path kafkaLib, Setup setup) throws IOException, InterruptedException {
        Files.createDirectories(work);
        TestDatabase.Endpoint database = TestDatabase.endpoint();
        FaultSystem system = new FaultSystem(
                KafkaBroker.start(work.resolve("kafka"), kafkaLib),
                database,
                work,
                setup,
                setup.databaseThroughProxy() ? DatabaseAddress.proxyTo(database.jdbcUrl()) : null);
        Runtime.getRuntime().addShutdownHook(new Thread(system::stopQuietly, "faults-stop"));
        for (Service service : Service.values()) {
            ServiceImage image = system.image(service);
            system.images.put(service, image);
            system.running.put(
                    service,
                    ServiceProcess.start(
                            service.module, service.module, service.portVariable, system.env(service), JVM, image));
        }
        if (setup.twice()) {
            for (Service service : Service.values()) {
                system.twins.put(service, system.startTwin(service));
            }
        }
        for (Service service : Service.values()) {
            for (int instance = 0; instance < system.instances(); instance++) {
                system.awaitUp(service, instance, STARTUP);
            }
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

    /** The proxy between the services and PostgreSQL; null unless started with one. */
    TcpProxy databaseProxy() {
        return databaseProxy;
    }

    /**
     * Starts a second instance of {@code service} (same consumer groups and application id, ports, a state
     * folder and a log of its own, {@code <module>-2.log}); does not wait for it.
     */
    synchronized ServiceProcess startSecond(Service service) throws IOException {
        ServiceProcess second = startTwin(service);
        seconds.add(second);
        return second;
    }

    private ServiceProcess startTwin(Service service) throws IOException {
        Map<String, String> env = env(service);
        env.put("STOCKALERTS_STATE_DIR", stateDir(service) + "-2");
        return ServiceProcess.start(
                service.module, service.module + "-2", service.portVariable, env, JVM, images.get(service));
    }

    /** How many instances of each service run: 2 with {@link Setup#twice()}, else 1. */
    int instances() {
        return setup.twice() ? 2 : 1;
    }

    /** Instance {@code instance} (0 or 1) of {@code service}. */
    synchronized ServiceProcess process(Service service, int instance) {
        return instance == 0 ? running.get(service) : twins.get(service);
    }

    /** The API's base URL on instance {@code instance}. */
    String apiBaseUrl(int instance) {
        return process(Service.API, instance).baseUrl();
    }

    /** {@code kill -9} of one instance; returns once it is gone. */
    void kill(Service service, int instance) throws InterruptedException {
        process(service, instance).kill();
    }

    /** Starts a stopped or killed instance again (same ports, settings and state folder); does not wait for it. */
    synchronized void restart(Service service, int instance) throws IOException {
        (instance == 0 ? running : twins)
                .put(service, process(service, instance).restart());
    }

    /**
     * SIGTERM to one instance, as an orchestrator stops it, and waits up to {@code atMost} for it to exit; if it does
     * not, {@code kill -9}. Returns how long it took to exit, or null if it had to be killed.
     *
     * @throws IllegalStateException when the instance was not running: there was nothing to stop gracefully
     */
    Duration stopGracefully(Service service, int instance, Duration atMost) throws Exception {
        ServiceProcess process = process(service, instance);
        ProcessHandle handle = ProcessHandle.of(process.pid())
                .filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException(
                        service.module + " instance " + (instance + 1) + " was not running at SIGTERM"));
        long start = System.nanoTime();
        handle.destroy();
        try {
            handle.onExit().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (java.util.concurrent.TimeoutException e) {
            process.kill();
            return null;
        }
    }

    /** Waits until instance {@code instance} of {@code service} answers UP; returns how long that took. */
    Duration awaitUp(Service service, int instance, Duration atMost) {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        while (!process(service, instance).isUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        service.module + " instance " + instance + " was not UP within " + atMost);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return Duration.ofNanos(System.nanoTime() - start);
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
        return awaitUp(service, 0, atMost);
    }

    /**
     * The benchmarks' environment of a service (broker, database, webhooks to 127.0.0.1), its own state
     * folder; a restart reuses it, so a proxied alert-consumer stays behind the same proxy.
     */
    /**
     * What {@code service} runs: its trained image when the setup asks for one (trained here, before the
     * service's first start, without the scenario's extra variables and with a state folder of its own), else its
     * executable jar.
     */
    private ServiceImage image(Service service) throws IOException, InterruptedException {
        if (setup.images() == null) {
            return ServiceImage.executable(service.module);
        }
        Map<String, String> env = env(service);
        setup.extraEnv().getOrDefault(service, Map.of()).keySet().forEach(env::remove);
        env.put(
                "STOCKALERTS_STATE_DIR",
                work.resolve("training-state").resolve(service.module).toString());
        long started = System.nanoTime();
        ServiceImage image = ServiceImage.trained(
                service.module, setup.images().resolve(service.module), env, JVM, Duration.ofMinutes(5));
        System.out.printf("%s: AOT cache ready (%.1f s)%n", service.module, (System.nanoTime() - started) / 1e9);
        return image;
    }

    private Map<String, String> env(Service service) throws IOException {
        boolean proxied = setup.alertsThroughKafkaProxy() && service == Service.ALERTS;
        Map<String, String> env = new HashMap<>(
                BenchmarkServices.environment(proxied ? broker.proxiedBootstrapServers() : broker.bootstrapServers()));
        env.put("STOCKALERTS_STATE_DIR", stateDir(service).toString());
        env.putAll(setup.extraEnv().getOrDefault(service, Map.of()));
        if (databaseProxy != null) {
            env.put(
                    "DATABASE_URL",
                    DatabaseAddress.through(database.jdbcUrl(), databaseProxy.host(), databaseProxy.port()));
        }
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
        for (ServiceProcess second : seconds) {
            second.close();
        }
        seconds.clear();
        for (ServiceProcess twin : twins.values()) {
            twin.close();
        }
        twins.clear();
        for (Service service : List.of(Service.values()).reversed()) {
            ServiceProcess process = running.remove(service);
            if (process != null) {
                process.close();
            }
        }
        broker.close();
        if (databaseProxy != null) {
            databaseProxy.close();
        }
    }
}
