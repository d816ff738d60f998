package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.JsonEventSerializer;
import org.stockalerts.common.kafka.StockAlertsKafkaConfiguration;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.GoSeedDatabase;
import org.stockalerts.testsupport.PersonalDataScan;
import org.stockalerts.testsupport.TestDatabase;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system, end to end: the four services run as separate processes from their executable
 * jars against a real Kafka broker and a real PostgreSQL. A user registers through the API, creates
 * a rule, ticks arrive on stock-prices, and the alert that fires is stored by the persistence
 * consumer and returned by the API, exactly once; the bar the analytics consumer closes is stored too. A
 * database of the Go version is imported with the api-service jar, and an imported user's rule fires. A
 * deleted user leaves nothing of their personal data in any service's schema.
 */
class EndToEndTest {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess api;

    @BeforeAll
    static void startTheSystem() throws IOException {
        Path state = Files.createTempDirectory("e2e-streams-state");
        Map<String, String> env = new HashMap<>(database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("STOCKALERTS_MARKETDATA_ENABLED", "false");
        api = start("api-service", "API_PORT", env);
        env.put("STOCKALERTS_STATE_DIR", state.resolve("alert-engine").toString());
        start("alert-consumer", "ALERT_CONSUMER_PORT", env);
        start("persistence-consumer", "PERSISTENCE_CONSUMER_PORT", env);
        env.put("STOCKALERTS_STATE_DIR", state.resolve("analytics").toString());
        start("analytics-consumer", "ANALYTICS_CONSUMER_PORT", env);
        await().atMost(STARTUP)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> SERVICES.stream().allMatch(ServiceProcess::isUp));
    }

    private static ServiceProcess start(String module, String portVariable, Map<String, String> env)
            throws IOException {
        ServiceProcess service = ServiceProcess.start(module, portVariable, env);
        SERVICES.add(service);
        return service;
    }

    @AfterAll
    static void stopTheSystem() throws InterruptedException {
        for (ServiceProcess service : SERVICES.reversed()) {
            service.close();
        }
    }

    @Test
    void aRuleCreatedThroughTheApiFiresOnceOnLiveTicksAndTheAlertIsStoredAndListed() throws Exception {
        // Given a registered user with a price-above rule on E2EX at 100
        JsonNode user = call("POST", "/users", null, "{\"name\":\"End To End\",\"email\":\"e2e@example.com\"}");
        String userId = user.get("id").asString();
        String key = user.get("apiKey").asString();
        JsonNode rule = call(
                "POST",
                "/alerts",
                key,
                "{\"symbol\":\"E2EX\",\"condition\":\"PRICE_ABOVE\",\"threshold\":100.00,\"triggerMode\":\"ONCE\"}");
        String ruleId = rule.get("id").asString();

        // When ticks above the threshold keep arriving on stock-prices
        try (KafkaProducer<String, Object> producer = producer()) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        producer.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), "E2EX", tick("101.25")));
                        // Then the alert that fired is stored and listed for the user
                        assertThat(call("GET", "/users/" + userId + "/alerts", key, null)
                                        .get("items"))
                                .isNotEmpty();
                    });
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), "E2EX", tick("102.50")));
            }
            // a tick two minutes on moves event time past the end of the minute bars seen so far
            Instant later = Instant.now().plus(Duration.ofMinutes(2));
            producer.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), "E2EX", tickAt("103.75", later)));
            producer.flush();
        }

        // And a once-rule fired exactly once, however many ticks followed
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode alerts =
                    call("GET", "/users/" + userId + "/alerts", key, null).get("items");
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).toString()).contains(ruleId).contains("E2EX");
        });

        // And the persistence consumer kept the ticks and the minute bar the analytics consumer closed
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM persistence.price_ticks WHERE symbol = ?"))
                    .isGreaterThanOrEqualTo(7);
            assertThat(count("SELECT count(*) FROM persistence.stock_analytics WHERE symbol = ?"
                            + " AND bar_interval = 'PT1M' AND close > 100"))
                    .isPositive();
        });

        // And the API shows the symbol's latest analytics
        JsonNode analytics = call("GET", "/stocks/E2EX/analytics?interval=1m", key, null);
        assertThat(analytics.get("symbol").asString()).isEqualTo("E2EX");
        assertThat(analytics.get("latestBar").isObject()).isTrue();
    }

    @Test
    void aUserImportedFromTheGoVersionGetsAnAlertWithTheirNewKey() throws Exception {
        // Given the Go version's database (GORM schema, sample rows, some of them bad), imported into the running
        // system with the api-service jar as ./stock-alerts import-seed runs it
        TestDatabase.Endpoint seed = GoSeedDatabase.withSampleRows();
        Path keys = Files.createTempDirectory("e2e-seed").resolve("seed-keys.tsv");
        int status = ServiceProcess.runCommand(
                "api-service",
                database(),
                List.of(
                        "import-seed",
                        "--from",
                        seed.jdbcUrl(),
                        "--user",
                        seed.username(),
                        "--password",
                        seed.password(),
                        "--keys-out",
                        keys.toString()),
                STARTUP);
        assertThat(status).as("exit status: the sample's bad rows are skipped").isEqualTo(2);
        // Ada (seed user 1) watches AAPL at 150 and at 180.5; her new id and key are the keys file's first line
        String[] ada = Files.readAllLines(keys).get(0).split("\t");
        String alerts = "/users/" + ada[1] + "/alerts";
        int history = call("GET", alerts, ada[3], null).get("items").size();

        // When AAPL trades above both thresholds (the rules reach the engine through the outbox)
        try (KafkaProducer<String, Object> producer = producer()) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        producer.send(new ProducerRecord<>(
                                Topics.STOCK_PRICES.name(), "AAPL", tickOf("AAPL", "200.00", Instant.now())));
                        // Then the alerts that fire for her are listed with her new key, after her imported history
                        assertThat(call("GET", alerts, ada[3], null)
                                        .get("items")
                                        .size())
                                .isGreaterThan(history);
                    });
        }
        assertThat(call("GET", alerts, ada[3], null)
                        .get("items")
                        .get(0)
                        .get("message")
                        .asString())
                .startsWith("AAPL is at or above")
                .endsWith("(now 200.00)");
    }

    @Test
    void aDeletedUserLeavesNoPersonalDataInAnySchema() throws Exception {
        // Given a user with an e-mail address, both kinds of channel, a second key and an alert that fired
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Erased " + tag;
        String email = "erased-" + tag + "@example.com";
        String webhook = "https://93.184.215.14/hooks/" + tag;
        JsonNode user = call("POST", "/users", null, "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        String userId = user.get("id").asString();
        String key = user.get("apiKey").asString();
        call("POST", "/users/" + userId + "/channels", key, "{\"type\":\"EMAIL\",\"address\":\"" + email + "\"}");
        call("POST", "/users/" + userId + "/channels", key, "{\"type\":\"WEBHOOK\",\"address\":\"" + webhook + "\"}");
        String second = call("POST", "/users/" + userId + "/keys", key, null)
                .get("apiKey")
                .asString();
        call(
                "POST",
                "/alerts",
                key,
                "{\"symbol\":\"E2EZ\",\"threshold\":100,\"channels\":[\"IN_APP\",\"EMAIL\",\"WEBHOOK\"]}");
        try (KafkaProducer<String, Object> producer = producer()) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        producer.send(new ProducerRecord<>(
                                Topics.STOCK_PRICES.name(), "E2EZ", tickOf("E2EZ", "101.00", Instant.now())));
                        assertThat(call("GET", "/users/" + userId + "/alerts", key, null)
                                        .get("items"))
                                .isNotEmpty();
                    });
        }
        List<String> personal = List.of(name, email, webhook, keyHash(key), keyHash(second));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> scan(personal).stream().anyMatch(found -> found.startsWith("persistence.user_event_log")));

        // When the user deletes the account
        assertThat(send("DELETE", "/users/" + userId, key).statusCode()).isEqualTo(204);

        // Then, once every service has seen the deletion, no table of any service's schema holds any of it
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(scan(personal)).isEmpty());
        assertThat(send("GET", "/users/" + userId, second).statusCode()).isEqualTo(401);
    }

    private static List<String> scan(List<String> needles) throws SQLException {
        return PersonalDataScan.findings(TestDatabase.endpoint(), List.of("api", "alerting", "persistence"), needles);
    }

    /** The hex SHA-256 of an API key, as api_keys.key_hash stores it. */
    private static String keyHash(String key) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> database() {
        TestDatabase.Endpoint db = TestDatabase.endpoint();
        return Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", db.username(), "DATABASE_PASSWORD", db.password());
    }

    private static PriceTick tick(String price) {
        return tickAt(price, Instant.now());
    }

    private static PriceTick tickAt(String price, Instant observedAt) {
        return tickOf("E2EX", price, observedAt);
    }

    private static PriceTick tickOf(String symbol, String price, Instant observedAt) {
        return PriceTick.of(
                UUID.randomUUID(),
                Instant.now(),
                Symbol.of(symbol),
                new BigDecimal(price),
                TickSource.REPLAY,
                observedAt);
    }

    private static KafkaProducer<String, Object> producer() {
        Map<String, Object> config = new HashMap<>(StockAlertsKafkaConfiguration.PRODUCER_GUARANTEES);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new JsonEventSerializer<>());
    }

    private static JsonNode call(String method, String path, String apiKey, String body) throws Exception {
        HttpResponse<String> response = send(method, path, apiKey, body);
        assertThat(response.statusCode())
                .as("%s %s answered %s", method, path, response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String apiKey) throws Exception {
        return send(method, path, apiKey, null);
    }

    private static HttpResponse<String> send(String method, String path, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String sql) throws SQLException {
        try (Connection db = TestDatabase.endpoint().connect();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, "E2EX");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
