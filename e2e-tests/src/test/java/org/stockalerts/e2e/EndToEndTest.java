package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.GoSeedDatabase;
import org.stockalerts.testsupport.PersonalDataScan;
import org.stockalerts.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The whole system, end to end: the four services run as separate processes from their executable
 * jars against a real Kafka broker and a real PostgreSQL. A user registers through the API, creates
 * a rule, ticks arrive on stock-prices, and the alert that fires is stored by the persistence
 * consumer and returned by the API, exactly once; the bar the analytics consumer closes is stored too. A
 * database of the Go version is imported with the api-service jar, and an imported user's rule fires. A
 * deleted user leaves nothing of their personal data in any service's schema.
 */
class EndToEndTest {

    private static final Duration STARTUP = RunningSystem.STARTUP;
    private static RunningSystem system;
    private static ApiClient api;

    @BeforeAll
    static void startTheSystem() throws IOException {
        system = RunningSystem.start(Map.of("STOCKALERTS_MARKETDATA_ENABLED", "false"));
        api = system.api();
    }

    @AfterAll
    static void stopTheSystem() throws InterruptedException {
        system.close();
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
            // a tick of now moves event time past the end of the minute bars seen so far (those ticks
            // are dated minutes back: a tick dated ahead of the consumers' clocks would be dead-lettered)
            producer.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), "E2EX", tickAt("103.75", Instant.now())));
            producer.flush();
        }

        // And a once-rule fired exactly once, however many ticks followed
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode alerts =
                    call("GET", "/users/" + userId + "/alerts", key, null).get("items");
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).toString()).contains(ruleId).contains("E2EX");
            // with the engine's receipt of why it fired, through persistence to the API
            JsonNode receipt = alerts.get(0).get("receipt");
            assertThat(receipt.get("threshold").decimalValue()).isEqualByComparingTo("100");
            assertThat(receipt.get("observedValue").decimalValue()).isEqualByComparingTo("101.25");
            assertThat(receipt.get("ruleRevision").asLong()).isEqualTo(1);
            assertThat(receipt.get("after").get("armed").asBoolean()).isFalse();
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

        // And every metric docs/operations.md lists is on the services' scrapes, but those this system cannot show,
        // and the engine counted the tick that fired and the alert, with its latency
        String scraped = system.prometheus();
        assertThat(DocumentedMetrics.names())
                .hasSizeGreaterThan(20)
                .filteredOn(name -> !NOT_SHOWN_HERE.containsKey(name))
                .allSatisfy(name -> assertThat(scraped)
                        .as("a scrape showing %s", name)
                        .containsPattern("(?m)^" + name + "(_bucket|_count)?\\{"));
        assertThat(scraped)
                .containsPattern(
                        "stockalerts_alerts_fired_total\\{application=\"alert-consumer\",condition=\"PRICE_ABOVE\"} [1-9]")
                .containsPattern(
                        "stockalerts_alerts_tick_to_alert_seconds_count\\{application=\"alert-consumer\"} [1-9]");
    }

    @Test
    void aRuleExplainsWhyItHasNotFiredAndADryRunReplaysTheStoredTicks() throws Exception {
        // Given a user with a once-rule above 100 on E2EW, whose first tick is at 90
        JsonNode user = call("POST", "/users", null, "{\"name\":\"Explained\"}");
        String key = user.get("apiKey").asString();
        String ruleId = call("POST", "/alerts", key, "{\"symbol\":\"E2EW\",\"threshold\":100}")
                .get("id")
                .asString();
        // and ten E2EW in a portfolio, with a rule on its value reaching 5,000
        call(
                "POST",
                "/users/" + user.get("id").asString() + "/portfolio",
                key,
                "{\"name\":\"Main\",\"holdings\":[{\"symbol\":\"E2EW\",\"quantity\":10,\"averageCost\":90}]}");
        String portfolioRuleId = call(
                        "POST", "/alerts", key, "{\"condition\":\"PORTFOLIO_VALUE_ABOVE\",\"threshold\":5000}")
                .get("id")
                .asString();
        Instant from = Instant.now().minus(Duration.ofMinutes(5));
        try (KafkaProducer<String, Object> producer = producer()) {
            producer.send(new ProducerRecord<>(
                    Topics.STOCK_PRICES.name(),
                    "E2EW",
                    tickOf("E2EW", "90", Instant.now().minusSeconds(120))));
            producer.flush();

            // When she asks why it has not fired
            // Then the engine answers from its state: the condition is not met, 10 below the level
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode why = call("GET", "/alerts/" + ruleId + "/explain", key, null);
                assertThat(why.get("engineRevision").asLong()).isEqualTo(1);
                assertThat(why.get("lastValue").decimalValue()).isEqualByComparingTo("90");
                assertThat(why.get("reasons").get(0).get("code").asString()).isEqualTo("CONDITION_NOT_MET");
                assertThat(why.get("reasons").get(0).get("distance").decimalValue())
                        .isEqualByComparingTo("10");
            });

            // And the portfolio rule is explained from the portfolio's value, 4,100 short of its level
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode why = call("GET", "/alerts/" + portfolioRuleId + "/explain", key, null);
                assertThat(why.get("lastValue").decimalValue()).isEqualByComparingTo("900");
                assertThat(why.get("reasons").get(0).get("distance").decimalValue())
                        .isEqualByComparingTo("4100");
            });

            // And once a tick above the level fired it, it is TRIGGERED
            producer.send(new ProducerRecord<>(
                    Topics.STOCK_PRICES.name(),
                    "E2EW",
                    tickOf("E2EW", "101", Instant.now().minusSeconds(60))));
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(call("GET", "/alerts/" + ruleId + "/explain", key, null)
                                .toString())
                        .contains("TRIGGERED"));

        // And a dry run of a cross up through 95 over the stored ticks finds the crossing
        String dryRun = "{\"rule\": {\"symbol\":\"E2EW\",\"condition\":\"CROSSES_UP\",\"threshold\":95},"
                + " \"from\": \"" + from + "\", \"to\": \"%s\"}";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode run = call("POST", "/alerts/dry-run", key, dryRun.formatted(Instant.now()));
            assertThat(run.get("ticksExamined").asLong()).isEqualTo(2);
            assertThat(run.get("alerts"))
                    .singleElement()
                    .satisfies(alert -> assertThat(
                                    alert.get("receipt").get("previousValue").decimalValue())
                            .isEqualByComparingTo("90"));
        });
    }

    /** The documented metrics this test's system cannot show, and why. */
    private static final Map<String, String> NOT_SHOWN_HERE = Map.of(
            "stockalerts_ticks_published_total", "the market-data poller is off: the test writes the ticks",
            "stockalerts_marketdata_ticks_refused_total", "the market-data poller is off",
            "stockalerts_marketdata_fetches_total", "the market-data poller is off",
            "stockalerts_marketdata_leader", "the market-data poller is off",
            "stockalerts_marketdata_feed_stale", "the market-data poller is off",
            "stockalerts_marketdata_feed_events_total", "the market-data poller is off",
            "stockalerts_marketdata_alphavantage_requests_left_today", "only with the Alpha Vantage provider",
            "stockalerts_api_outbox_quarantined_total", "tagged by the error: shown from the first quarantine",
            "stockalerts_live_skipped_total", "tagged by the topic: shown from the first unreadable record",
            "stockalerts_persistence_batch_failures_total", "tagged by the topic: shown from the first failure");

    @Test
    void aUserImportedFromTheGoVersionGetsAnAlertWithTheirNewKey() throws Exception {
        // Given the Go version's database (GORM schema, sample rows, some of them bad), imported into the running
        // system with the api-service jar as ./stock-alerts import-seed runs it
        TestDatabase.Endpoint seed = GoSeedDatabase.withSampleRows();
        Path keys = Files.createTempDirectory("e2e-seed").resolve("seed-keys.tsv");
        int status = ServiceProcess.runCommand(
                "api-service",
                RunningSystem.database(),
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

    /** A tick of E2EX observed three minutes ago, so that a tick of now closes its minute bar. */
    private static PriceTick tick(String price) {
        return tickAt(price, Instant.now().minus(Duration.ofMinutes(3)));
    }

    private static PriceTick tickAt(String price, Instant observedAt) {
        return tickOf("E2EX", price, observedAt);
    }

    private static PriceTick tickOf(String symbol, String price, Instant observedAt) {
        return Ticks.of(symbol, price, observedAt);
    }

    private static KafkaProducer<String, Object> producer() {
        return Ticks.producer();
    }

    private static JsonNode call(String method, String path, String apiKey, String body) throws Exception {
        return api.call(method, path, apiKey, body);
    }

    private static HttpResponse<String> send(String method, String path, String apiKey) throws Exception {
        return api.send(method, path, apiKey, null);
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
