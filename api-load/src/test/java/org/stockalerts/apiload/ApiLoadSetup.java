package org.stockalerts.apiload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Registers the load's users on a running api-service, each with a portfolio holding one symbol and one alert
 * rule on it, and writes them (id, API key, symbol, rule id) to a CSV file the simulation feeds from:
 * {@code ApiLoadSetup BASE_URL USERS FILE}. The rules' thresholds lie far above any simulated price, so the
 * load's reads and writes are the API's work alone.
 */
public final class ApiLoadSetup {

    /** The symbols the users hold and watch; the simulated feed quotes every symbol held. */
    static final List<String> SYMBOLS = List.of(
            "AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA", "JPM", "V", "MA", "UNH", "HD", "PG", "XOM", "JNJ",
            "COST", "ABBV", "MRK", "AVGO", "PEP", "KO", "ADBE", "CRM", "NFLX", "AMD", "INTC", "ORCL", "CSCO", "QCOM",
            "TXN", "IBM", "NKE", "DIS", "MCD", "WMT", "BAC", "WFC", "GS", "MS", "C", "CVX", "LLY", "PFE", "T", "VZ",
            "BA", "CAT", "GE", "MMM", "SBUX");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RETRIES = 10;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiLoadSetup() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ApiLoadSetup BASE_URL USERS FILE");
        }
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Future<String>> rows = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                rows.add(pool.submit(() -> register(base, run, n)));
            }
        }
        List<String> lines = new ArrayList<>(List.of("id,key,symbol,alertId"));
        for (Future<String> row : rows) {
            lines.add(row.get());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        System.out.printf("%d users registered on %s, written to %s%n", count, base, file);
    }

    private static String register(String base, String run, int n) throws IOException, InterruptedException {
        String symbol = SYMBOLS.get(n % SYMBOLS.size());
        JsonNode user = call(
                base,
                "POST",
                "/users",
                null,
                "{\"name\":\"Load user %d\",\"email\":\"load-%s-%d@example.com\"}".formatted(n, run, n));
        String id = user.get("id").asText();
        String key = user.get("apiKey").asText();
        call(
                base,
                "POST",
                "/portfolio",
                key,
                "{\"name\":\"Main\",\"holdings\":[{\"symbol\":\"%s\",\"quantity\":10,\"averageCost\":100}]}"
                        .formatted(symbol));
        JsonNode rule = call(
                base,
                "POST",
                "/alerts",
                key,
                "{\"symbol\":\"%s\",\"condition\":\"PRICE_ABOVE\",\"threshold\":1000000,\"triggerMode\":\"ONCE\","
                                .formatted(symbol)
                        + "\"channels\":[\"IN_APP\"]}");
        return String.join(",", id, key, symbol, rule.get("id").asText());
    }

    private static JsonNode call(String base, String method, String path, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // a 503 or 429 says when to come back (Retry-After); a client does, a few times
        for (int attempt = 1;
                (response.statusCode() == 503 || response.statusCode() == 429) && attempt < RETRIES;
                attempt++) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(Math.min(seconds, 5)));
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
