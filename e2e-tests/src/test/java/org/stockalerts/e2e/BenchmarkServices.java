package org.stockalerts.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.stockalerts.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services of a benchmark, each as its own process from its executable jar with full JIT, on the
 * given broker and the test database, 127.0.0.1 allowed as a webhook host, the request rate limits
 * off: api-service and alert-consumer, and for the whole system also persistence-consumer,
 * analytics-consumer and api-service's market-data poller on the simulated feed (its extra symbols,
 * never the symbols the benchmark ticks itself). Variables named {@code STOCKALERTS_*} in this
 * process's environment are passed on, so a run can change any setting. The services are stopped on
 * {@link #close} and when the JVM exits, however it exits.
 */
public final class BenchmarkServices implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final List<String> JVM = List.of("-Xmx512m");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final ServiceProcess api;

    /** The simulated feed's symbols in a whole-system run: its best-known starting prices, ticking once a second. */
    static final List<String> POLLED_SYMBOLS = List.of(
            "AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA", "IBM", "JPM", "V", "NFLX", "AMD", "INTC", "KO",
            "DIS");

    /**
     * @param wholeSystem all four services and the poller; else api-service and alert-consumer only
     * @param tickedByBenchmark symbols the benchmark produces ticks of, which the poller must leave alone
     */
    BenchmarkServices(String kafka, boolean wholeSystem, Collection<String> tickedByBenchmark) throws IOException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop-services"));
        Map<String, String> env = environment(kafka);
        if (wholeSystem) {
            env.put("STOCKALERTS_MARKETDATA_ENABLED", "true");
            env.put("STOCKALERTS_MARKETDATA_PROVIDER", "simulated");
            env.put("STOCKALERTS_MARKETDATA_EXTRA_SYMBOLS", String.join(",", POLLED_SYMBOLS));
            env.put("STOCKALERTS_MARKETDATA_EXCLUDED_SYMBOLS", String.join(",", tickedByBenchmark));
            passOn(env);
        }
        api = start("api-service", "API_PORT", env);
        start("alert-consumer", "ALERT_CONSUMER_PORT", env);
        if (wholeSystem) {
            start("persistence-consumer", "PERSISTENCE_CONSUMER_PORT", env);
            Map<String, String> analytics = new HashMap<>(env);
            analytics.put(
                    "STOCKALERTS_STATE_DIR",
                    Files.createTempDirectory("benchmark-analytics-state").toString());
            start("analytics-consumer", "ANALYTICS_CONSUMER_PORT", analytics);
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!services.stream().allMatch(ServiceProcess::isUp)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the services did not start within " + STARTUP);
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }

    String apiBaseUrl() {
        return api.baseUrl();
    }

    /** Calls the API as the holder of {@code apiKey} (null: anonymously) and returns its JSON answer. */
    JsonNode call(String method, String path, String apiKey, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        stopAll();
    }

    /**
     * CPU time used so far by each service process, by this JVM (the harness: load generator, probes
     * and, when it runs one, the in-process broker) and by PostgreSQL's processes together.
     */
    Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            times.put(service.name(), cpuTime(ProcessHandle.of(service.pid())));
        }
        times.put("harness", cpuTime(Optional.of(ProcessHandle.current())));
        times.put(
                "PostgreSQL",
                ProcessHandle.allProcesses()
                        .filter(process -> process.info().command().orElse("").contains("postgres"))
                        .map(process -> cpuTime(Optional.of(process)))
                        .reduce(Duration.ZERO, Duration::plus));
        return times;
    }

    private static Duration cpuTime(Optional<ProcessHandle> process) {
        return process.flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private ServiceProcess start(String module, String portVariable, Map<String, String> env) throws IOException {
        ServiceProcess service = ServiceProcess.start(module, portVariable, env, JVM);
        services.add(service);
        return service;
    }

    /**
     * The services' environment for a benchmark: the broker, the test database, no market data, 127.0.0.1
     * allowed as a webhook host, the request rate limits off (a benchmark sends more than one client
     * would), then every {@code STOCKALERTS_*} variable of this process.
     */
    public static Map<String, String> environment(String kafka) throws IOException {
        TestDatabase.Endpoint db = TestDatabase.endpoint();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("DATABASE_URL", db.jdbcUrl());
        env.put("DATABASE_USER", db.username());
        env.put("DATABASE_PASSWORD", db.password());
        env.put("STOCKALERTS_MARKETDATA_ENABLED", "false");
        env.put("STOCKALERTS_API_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
        env.put("STOCKALERTS_DELIVERY_ALLOWED_HOSTS", "127.0.0.1");
        env.put("STOCKALERTS_API_RATE_LIMITS_ENABLED", "false");
        env.put(
                "STOCKALERTS_STATE_DIR",
                Files.createTempDirectory("benchmark-streams-state").toString());
        passOn(env);
        return env;
    }

    /** Every {@code STOCKALERTS_*} variable of this process, over what {@code env} says. */
    private static void passOn(Map<String, String> env) {
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("STOCKALERTS_")) {
                env.put(name, value);
            }
        });
    }

    private void stopAll() {
        for (ServiceProcess service : services.reversed()) {
            try {
                service.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
