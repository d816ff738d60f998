package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.PersonalDataScan;
import org.stockalerts.testsupport.TestDatabase;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * After an end-to-end run that handles every kind of secret the system knows, none of them is left in
 * clear anywhere the run wrote to: the services' logs, any record of any topic (keys, values, headers,
 * the dead-letter topics' error headers included) or any column of any table of the database. The
 * secrets: users' API keys (first, extra and revoked ones, and a wrong one a caller sent), the admin
 * key, webhook secrets before and after a rotation (with and without {@code whsec_}) and the Alpha
 * Vantage key, which the api-service really sends, to a stub on loopback.
 */
class SecretScanTest {

    private static final Path LOGS = Path.of("target/e2e-logs");
    private static final String SYMBOL = "SCNX";
    /** The symbol the api-service polls Alpha Vantage for; not the rules' one, whose ticks the test sends. */
    private static final String POLLED = "SCNQ";

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<RecordedRequest> deliveries = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void noSecretIsLeftInClearInLogsTopicsOrTables() throws Exception {
        // Given the system with an Alpha Vantage key (its provider pointed at a stub that it polls every
        // second for another symbol), an admin key and a webhook receiver on loopback
        String alphaVantageKey = "AV" + random(12);
        String adminKey = "admin_" + random(24);
        AlphaVantageStub alphaVantage = open(new AlphaVantageStub("101.00"));
        MockWebServer receiver = open(receiver());
        RunningSystem system = open(RunningSystem.start(Map.ofEntries(
                Map.entry("ALPHA_VANTAGE_API_KEY", alphaVantageKey),
                Map.entry("STOCKALERTS_MARKETDATA_ALPHA_VANTAGE_BASE_URL", alphaVantage.baseUrl()),
                Map.entry("STOCKALERTS_MARKETDATA_ALPHA_VANTAGE_REQUESTS_PER_MINUTE", "60"),
                Map.entry("STOCKALERTS_MARKETDATA_ALPHA_VANTAGE_REQUESTS_PER_DAY", "86400"),
                Map.entry("STOCKALERTS_MARKETDATA_EXTRA_SYMBOLS", POLLED),
                Map.entry("STOCKALERTS_API_ADMIN_KEY", adminKey),
                Map.entry("STOCKALERTS_API_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"),
                Map.entry("STOCKALERTS_DELIVERY_ALLOWED_HOSTS", "127.0.0.1"))));
        ApiClient api = system.api();
        List<String> secrets = new ArrayList<>(List.of(alphaVantageKey, adminKey));

        // When two users register, one creates two more keys and revokes one, both add a webhook and a rule
        JsonNode ada = api.call("POST", "/users", null, "{\"name\":\"Ada Scan\",\"email\":\"ada-scan@example.com\"}");
        JsonNode bob = api.call("POST", "/users", null, "{\"name\":\"Bob Scan\",\"email\":\"bob-scan@example.com\"}");
        String adaId = ada.get("id").asString();
        String bobId = bob.get("id").asString();
        String adaKey = ada.get("apiKey").asString();
        String bobKey = bob.get("apiKey").asString();
        String adaSecond = api.call("POST", "/users/" + adaId + "/keys", adaKey, "{\"name\":\"laptop\"}")
                .get("apiKey")
                .asString();
        JsonNode third = api.call("POST", "/users/" + adaId + "/keys", adaKey, null);
        String adaRevoked = third.get("apiKey").asString();
        assertThat(api.send(
                                "DELETE",
                                "/users/" + adaId + "/keys/" + third.get("id").asString(),
                                adaSecond,
                                null)
                        .statusCode())
                .isEqualTo(204);
        String wrongKey = "sa_" + random(32);
        secrets.addAll(List.of(adaKey, bobKey, adaSecond, adaRevoked, wrongKey));

        JsonNode adaChannel = webhook(api, adaId, adaKey, receiver, "ada");
        String adaOldSecret = adaChannel.get("secret").asString();
        String adaNewSecret = api.call(
                        "POST",
                        "/users/" + adaId + "/channels/" + adaChannel.get("id").asString() + "/secret/rotate",
                        adaSecond,
                        null)
                .get("secret")
                .asString();
        String bobSecret =
                webhook(api, bobId, bobKey, receiver, "bob").get("secret").asString();
        for (String secret : List.of(adaOldSecret, adaNewSecret, bobSecret)) {
            assertThat(secret).startsWith("whsec_");
            secrets.addAll(List.of(secret, secret.substring("whsec_".length())));
        }
        String rule = "{\"symbol\":\"" + SYMBOL + "\",\"threshold\":100,\"channels\":[\"IN_APP\",\"WEBHOOK\"]}";
        api.call("POST", "/alerts", adaSecond, rule);
        api.call("POST", "/alerts", bobKey, rule);

        // And the admin lists users, while a wrong key and the revoked one are refused
        assertThat(api.call("GET", "/users", adminKey, null).get("items")).isNotEmpty();
        assertThat(api.send("GET", "/users/" + adaId, wrongKey, null).statusCode())
                .isEqualTo(401);
        assertThat(api.send("GET", "/users/" + adaId, adaRevoked, null).statusCode())
                .isEqualTo(401);

        // And the price rises above both rules' threshold until both webhooks got an alert
        try (KafkaProducer<String, Object> producer = Ticks.producer()) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), SYMBOL, Ticks.of(SYMBOL, "101.25", Instant.now())));
                assertThat(deliveriesTo("ada")).isNotEmpty();
                assertThat(deliveriesTo("bob")).isNotEmpty();
            });
        }
        // And a record nobody can read lands in the dead-letter topic, with its error headers
        try (KafkaProducer<String, String> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), SYMBOL, "{not a price tick"))
                    .get();
        }
        await().atMost(WAIT)
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(SecretScan.inTopics(TestKafka.bootstrapServers(), List.of())
                                .recordsByTopic()
                                .get(Topics.STOCK_PRICES.name() + ".DLT"))
                        .isPositive());
        // And the api-service polled Alpha Vantage with its key, and the persistence consumer stored the alerts
        await().atMost(WAIT).until(() -> alphaVantage.apiKeysSeen().contains(alphaVantageKey));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(api.call("GET", "/users/" + bobId + "/alerts", bobKey, null)
                                .get("items"))
                        .isNotEmpty());
        system.close();

        // Then every delivery was signed with the channel's secrets: Ada's with the new one, then the old one
        for (RecordedRequest delivery : deliveriesTo("ada")) {
            assertThat(delivery.getHeaders().get("webhook-signature"))
                    .isEqualTo(signature(adaNewSecret, delivery) + " " + signature(adaOldSecret, delivery));
        }
        for (RecordedRequest delivery : deliveriesTo("bob")) {
            assertThat(delivery.getHeaders().get("webhook-signature")).isEqualTo(signature(bobSecret, delivery));
        }

        // And no log line, no record of any topic and no table holds any of the secrets in clear
        assertThat(SecretScan.inLogs(LOGS, List.of("Started")))
                .as("the logs are read")
                .isNotEmpty();
        assertThat(SecretScan.inLogs(LOGS, secrets)).isEmpty();
        SecretScan.TopicsScanned topics = SecretScan.inTopics(TestKafka.bootstrapServers(), secrets);
        assertThat(topics.findings()).isEmpty();
        assertThat(topics.recordsByTopic())
                .hasEntrySatisfying(
                        Topics.ALERTS_TRIGGERED.name(),
                        count -> assertThat(count).isPositive())
                .hasEntrySatisfying(
                        Topics.USER_EVENTS.name(), count -> assertThat(count).isPositive());
        assertThat(topics.headersRead()).isPositive();
        assertThat(SecretScan.inTopics(TestKafka.bootstrapServers(), List.of(adaId))
                        .findings())
                .as("the topics are read")
                .isNotEmpty();
        assertThat(PersonalDataScan.findingsInEveryColumn(TestDatabase.endpoint(), List.of("ada-scan@example.com")))
                .as("the tables are read")
                .isNotEmpty();
        assertThat(PersonalDataScan.findingsInEveryColumn(TestDatabase.endpoint(), secrets))
                .isEmpty();
    }

    private static JsonNode webhook(ApiClient api, String userId, String key, MockWebServer receiver, String name)
            throws Exception {
        String address = "http://127.0.0.1:" + receiver.getPort() + "/hooks/" + name;
        return api.call(
                "POST",
                "/users/" + userId + "/channels",
                key,
                "{\"type\":\"WEBHOOK\",\"address\":\"" + address + "\"}");
    }

    private MockWebServer receiver() throws Exception {
        MockWebServer receiver = new MockWebServer();
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                deliveries.add(request);
                return new MockResponse.Builder().code(204).build();
            }
        });
        receiver.start(InetAddress.getByName("127.0.0.1"), 0);
        return receiver;
    }

    private List<RecordedRequest> deliveriesTo(String name) {
        return deliveries.stream()
                .filter(request -> request.getUrl().encodedPath().equals("/hooks/" + name))
                .toList();
    }

    /** The Standard Webhooks signature of {@code delivery} with {@code secret}, as a receiver checks it. */
    private static String signature(String secret, RecordedRequest delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = delivery.getHeaders().get("webhook-id") + "."
                + delivery.getHeaders().get("webhook-timestamp") + "."
                + delivery.getBody().string(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static KafkaProducer<String, String> rawProducer() {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }

    private <T extends AutoCloseable> T open(T resource) {
        resources.add(resource);
        return resource;
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
