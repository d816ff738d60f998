package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.stockalerts.testsupport.TestDatabase;

/**
 * The first minute of {@code ./stock-alerts} on a new data folder and a new database, with the simulated feed, as a
 * new user and an operator see it: fewer than {@value #MOST_LINES} lines in the four services' logs from its start
 * until a minute after all four are ready (the first minute asked for, and more), none more for a health call; and
 * every series the Grafana dashboard and the alerting rules of tools/observability query on the services' scrapes.
 * Runs the launcher itself, with the jars this build made, on free ports.
 */
class LauncherFirstMinuteTest {

    static final int MOST_LINES = 100;
    private static final List<String> SERVICES =
            List.of("api-service", "alert-consumer", "persistence-consumer", "analytics-consumer");
    private static final Duration STEADY = Duration.ofMinutes(1);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path work;
    private static Map<String, String> environment;
    private static final Map<String, Integer> MANAGEMENT_PORTS = new LinkedHashMap<>();

    @BeforeAll
    static void startWithTheLauncher() throws Exception {
        work = Files.createTempDirectory("log-volume");
        TestDatabase.Endpoint database = TestDatabase.another("log_volume");
        environment = new LinkedHashMap<>();
        environment.put("STOCK_ALERTS_DATA_DIR", work.resolve("data").toString());
        environment.put("STOCK_ALERTS_ENV_FILE", work.resolve("none.env").toString());
        environment.put("STOCK_ALERTS_BUILD", "never");
        environment.put("STOCK_ALERTS_AOT_CACHE", "off");
        environment.put("STOCK_ALERTS_READY_TIMEOUT", String.valueOf(RunningSystem.STARTUP.toSeconds()));
        environment.put("DATABASE_URL", database.jdbcUrl());
        environment.put("STOCKALERTS_DB_ADMIN_USER", database.username());
        environment.put("STOCKALERTS_DB_ADMIN_PASSWORD", database.password());
        List<Integer> ports = freePorts(10);
        List<String> prefixes = List.of("API", "ALERT_CONSUMER", "PERSISTENCE_CONSUMER", "ANALYTICS_CONSUMER");
        for (int i = 0; i < prefixes.size(); i++) {
            environment.put(prefixes.get(i) + "_PORT", String.valueOf(ports.get(i)));
            environment.put(prefixes.get(i) + "_MANAGEMENT_PORT", String.valueOf(ports.get(4 + i)));
            MANAGEMENT_PORTS.put(SERVICES.get(i), ports.get(4 + i));
        }
        environment.put("KAFKA_PORT", String.valueOf(ports.get(8)));
        environment.put("KAFKA_CONTROLLER_PORT", String.valueOf(ports.get(9)));
        assertThat(launcher("start", "--detach"))
                .as("./stock-alerts start --detach (console: %s)", work.resolve("launcher.log"))
                .isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        if (environment != null && launcher("stop") == 0) {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    @Test
    void theFirstMinuteIsAFewReadableLinesAndAHealthCallAddsNone() throws Exception {
        Thread.sleep(STEADY.toMillis());
        int lines = serviceLogLines();
        assertThat(lines)
                .as("lines the four services logged from their start until a minute after they were ready (%s)", logs())
                .isLessThan(MOST_LINES);
        assertThat(logText())
                .contains(
                        "api-service ready",
                        "alert-consumer ready",
                        "persistence-consumer ready",
                        "analytics-consumer ready");

        for (int call = 0; call < 10; call++) {
            for (int port : MANAGEMENT_PORTS.values()) {
                HttpResponse<Void> health = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(health.statusCode()).isEqualTo(200);
            }
        }
        Thread.sleep(2_000);
        assertThat(serviceLogLines() - lines)
                .as("lines logged by 40 health calls, besides what the running system logs in those seconds")
                .isLessThan(4);
    }

    @Test
    void everySeriesTheDashboardAndTheAlertingRulesQueryIsOnTheScrapes() throws Exception {
        String scrapes = PrometheusScrapes.of(MANAGEMENT_PORTS.values().stream()
                .map(port -> "http://127.0.0.1:" + port + "/actuator")
                .toList());

        assertThat(ObservabilityQueries.seriesNames())
                .hasSizeGreaterThan(10)
                .filteredOn(name -> !NOT_SHOWN_BY_THE_SIMULATED_FEED.containsKey(name))
                .allSatisfy(name ->
                        assertThat(scrapes).as("a scrape showing %s", name).containsPattern("(?m)^" + name + "\\{"));
    }

    /** Series the dashboard shows that this run cannot have, and why. */
    private static final Map<String, String> NOT_SHOWN_BY_THE_SIMULATED_FEED =
            Map.of("stockalerts_marketdata_alphavantage_requests_left_today", "only with the Alpha Vantage provider");

    private static int serviceLogLines() throws IOException {
        return (int) logText().lines().count();
    }

    private static String logText() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path log : logs()) {
            text.append(Files.readString(log, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static List<Path> logs() {
        List<Path> logs = new ArrayList<>();
        for (String service : SERVICES) {
            logs.add(work.resolve("data/logs/" + service + ".log"));
        }
        return logs;
    }

    private static int launcher(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(RepositoryFiles.ROOT.resolve("stock-alerts").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(RepositoryFiles.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("launcher.log").toFile()));
        // only this test's settings: none of the environment's ports, brokers or databases
        builder.environment()
                .keySet()
                .removeIf(name -> name.endsWith("_PORT")
                        || name.startsWith("KAFKA_")
                        || name.startsWith("DATABASE_")
                        || name.startsWith("DB_")
                        || name.startsWith("STOCK_ALERTS_")
                        || name.startsWith("STOCKALERTS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(RunningSystem.STARTUP.toSeconds() + 120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
