package org.stockalerts.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limiter's cost on request latency: two api-service processes on one database and broker,
 * one with the rate limits on (limits too high to refuse anything, so every request pays for the
 * buckets and none is cut short) and one with them off. One client sends {@code GET /users/{id}} to
 * both in turn, the order swapped every round, so both see the same machine load; it prints the
 * p50, p99 and mean of each. Neither publishes the outbox. Not a test: run it with {@code benchmarks/run-rate-limiter.sh [requests]}.
 */
public final class RateLimiterLatencyBenchmark {

    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final List<String> JVM = List.of("-Xmx384m");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HIGH = "1000000000";

    private RateLimiterLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        String kafka = TestKafka.bootstrapServers();
        Map<String, String> off = BenchmarkServices.environment(kafka);
        Map<String, String> on = BenchmarkServices.environment(kafka);
        on.put("STOCKALERTS_API_RATE_LIMITS_ENABLED", "true");
        for (String limit :
                List.of("PER_KEY_PER_SECOND", "PER_KEY_BURST", "PER_ADDRESS_PER_SECOND", "PER_ADDRESS_BURST")) {
            on.put("STOCKALERTS_API_RATE_LIMITS_" + limit, HIGH);
        }
        // neither publishes the outbox, so no relay's polling loads one of them alone
        for (Map<String, String> env : List.of(on, off)) {
            env.put("STOCKALERTS_API_OUTBOX_ENABLED", "false");
        }
        try (ServiceProcess limited = ServiceProcess.start("api-service", "API_PORT", on, JVM)) {
            awaitUp(limited);
            // the second starts on the migrated schema
            try (ServiceProcess unlimited = ServiceProcess.start("api-service", "API_PORT", off, JVM)) {
                awaitUp(unlimited);
                run(limited.baseUrl(), unlimited.baseUrl(), requests);
            }
        }
        // The in-process test broker keeps non-daemon threads for the JVM's lifetime.
        System.exit(0);
    }

    private static void run(String limited, String unlimited, int requests) throws Exception {
        JsonNode user = JSON.readTree(send(HttpRequest.newBuilder(URI.create(limited + "/users"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Rate benchmark\"}")))
                .body());
        String path = "/users/" + user.get("id").asString();
        String bearer = "Bearer " + user.get("apiKey").asString();
        measure(limited, unlimited, path, bearer, requests / 2);
        long[][] latencies = measure(limited, unlimited, path, bearer, requests);
        System.out.printf(
                "requests per instance: %d (after %d of warm-up), one client, GET %s%n",
                requests, requests / 2, "/users/{id}");
        report("rate limits on ", latencies[0]);
        report("rate limits off", latencies[1]);
    }

    private static long[][] measure(String limited, String unlimited, String path, String bearer, int rounds)
            throws IOException, InterruptedException {
        long[][] latencies = new long[2][rounds];
        for (int i = 0; i < rounds; i++) {
            boolean limitedFirst = i % 2 == 0;
            latencies[limitedFirst ? 0 : 1][i] = timed(limitedFirst ? limited : unlimited, path, bearer);
            latencies[limitedFirst ? 1 : 0][i] = timed(limitedFirst ? unlimited : limited, path, bearer);
        }
        return latencies;
    }

    private static long timed(String base, String path, String bearer) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", bearer)
                .GET());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    base + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return elapsed;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s  p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n",
                name,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                Arrays.stream(sorted).average().orElseThrow() / 1e6);
    }

    private static void awaitUp(ServiceProcess service) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!service.isUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.name() + " did not start within " + STARTUP);
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }
}
