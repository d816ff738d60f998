package org.stockalerts.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stockalerts.testsupport.TestDatabase;
import org.stockalerts.testsupport.TestKafka;

/**
 * The four services, each as its own process from its executable jar, on the test broker and the test
 * database, up (health UP) once {@link #start} returns; stopped in reverse order on {@link #close}.
 */
final class RunningSystem implements AutoCloseable {

    static final Duration STARTUP = Duration.ofMinutes(4);

    private final List<ServiceProcess> services = new ArrayList<>();
    private ServiceProcess api;

    private RunningSystem() {}

    /** Starts the four services with {@code settings} (environment variables) on top of the connections. */
    static RunningSystem start(Map<String, String> settings) throws IOException {
        RunningSystem system = new RunningSystem();
        Path state = Files.createTempDirectory("e2e-streams-state");
        Map<String, String> env = new HashMap<>(database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.putAll(settings);
        env.put("STOCKALERTS_STATE_DIR", state.resolve("alert-engine").toString());
        ServiceProcess engine = system.start("alert-consumer", "ALERT_CONSUMER_PORT", env);
        // api-service asks the engine to explain rules (GET /alerts/{id}/explain) at its free port
        Map<String, String> apiEnv = new HashMap<>(env);
        apiEnv.put("STOCKALERTS_API_ENGINE_URL", engine.baseUrl());
        system.api = system.start("api-service", "API_PORT", apiEnv);
        system.start("persistence-consumer", "PERSISTENCE_CONSUMER_PORT", env);
        env.put("STOCKALERTS_STATE_DIR", state.resolve("analytics").toString());
        system.start("analytics-consumer", "ANALYTICS_CONSUMER_PORT", env);
        await().atMost(STARTUP)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> system.services.stream().allMatch(ServiceProcess::isUp));
        return system;
    }

    /** The connection settings of the test database, as the services read them. */
    static Map<String, String> database() {
        TestDatabase.Endpoint db = TestDatabase.endpoint();
        return Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", db.username(), "DATABASE_PASSWORD", db.password());
    }

    /** Every service's {@code /actuator/prometheus} scrape, one after another. */
    String prometheus() throws IOException, InterruptedException {
        return PrometheusScrapes.of(
                services.stream().map(ServiceProcess::managementUrl).toList());
    }

    ApiClient api() {
        return new ApiClient(api.baseUrl());
    }

    /** Where api-service answers, e.g. {@code http://127.0.0.1:41234}: its API and the dashboard at {@code /}. */
    String apiUrl() {
        return api.baseUrl();
    }

    private ServiceProcess start(String module, String portVariable, Map<String, String> env) throws IOException {
        ServiceProcess service = ServiceProcess.start(module, portVariable, env);
        services.add(service);
        return service;
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : services.reversed()) {
            service.close();
        }
    }
}
