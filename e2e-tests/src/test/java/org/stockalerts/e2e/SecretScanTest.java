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
import org.junit.jupiter.api.AutoClose;
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
 * key, the key that seals webhook secrets, webhook secrets before and after a rotation (with and without
 * {@code whsec_}), the token of a Slack webhook and of a Telegram bot (each channel's address, delivered to a
 * receiver on loopback) and the Alpha Vantage key, which the api-service really sends, to a stub on loopback.
 */
class SecretScanTest {

    private static final Path LOGS = Path.of("target/e2e-logs");
    private static final String SYMBOL = "SCNX";
    /** The symbol the api-service polls Alpha Vantage for; not the rules' one, whose ticks the test sends. */
    private static final String POLLED = "SCNQ";

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String DEAD_LETTERS = Topics.STOCK_PRICES.name() + ".DLT";
    private static final String ADA_EMAIL = "ada-scan@example.com";
    private static final String WHSEC = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<RecordedRequest> deliveries = new CopyOnWriteArrayList<>();

    @AutoClose
    private final Opened opened = new Opened();

    @Test
    void noSecretIsLeftInClearInLogsTopicsOrTables() throws Exception {
        // Given the system with an Alpha Vantage key (its provider pointed at a stub that it polls every
        // second for another symbol), an admin key and a webhook receiver on loopback
        String alphaVantageKey = "AV" + random(12);
        String adminKey = "admin_" + random(24);
        String sealKey = Base64.getEncoder().encodeToString(randomBytes(32));
        AlphaVantageStub alphaVantage = opened.add(new AlphaVantageStub("101.00"));
        MockWebServer receiver = opened.add(receiver());
        RunningSystem system = opened.add(RunningSystem.start(Map.ofEntries(
                Map.entry("ALPHA_VANTAGE_API_KEY", alphaVantageKey),
                Map.entry("STOCKALERTS_MARKETDATA_ALPHA_VANTAGE_BASE_URL", alphaVantage.baseUrl()),
                Map.entry("STOCKALERTS_MARKETDATA_ALPHA_VANTAGE_REQUESTS_PER_MINUTE", "60"),
                Map.entry("STOCKALERTS_MARKETDATA_ALPHA_VANTAGE_REQUESTS_PER_DAY", "86400"),
                Map.entry("STOCKALERTS_MARKETDATA_EXTRA_SYMBOLS", POLLED),
                Map.entry("STOCKALERTS_API_ADMIN_KEY", adminKey),
                Map.entry("STOCKALERTS_SECRETS_KEY", sealKey),
                Map.entry("STOCKALERTS_API_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"),
                Map.entry("STOCKALERTS_DELIVERY_ALLOWED_HOSTS", "127.0.0.1"),
                Map.entry("STOCKALERTS_DELIVERY_TELEGRAM_API_URL", "http://127.0.0.1:" + receiver.getPort() + "/tg"))));
        ApiClient api = system.api();

        // When two users register, one creates two more keys and revokes one, both add a webhook (one
        // rotates its secret) and a rule; the admin lists users, a wrong and the revoked key are refused
        Keys keys = registerTwoUsers(api);
        Webhooks webhooks = addWebhooks(api, keys, receiver);
        // and Bob a Slack channel and a Telegram chat, whose addresses are secrets too
        String slackToken = "slk" + random(18);
        String botToken = "123456789:" + random(27);
        String slack = "http://127.0.0.1:" + receiver.getPort() + "/chat/services/T0001/B0001/" + slackToken;
        api.call(
                "POST",
                "/users/" + keys.bobId() + "/channels",
                keys.bob(),
                "{\"type\":\"SLACK\",\"address\":\"" + slack + "\"}");
        api.call(
                "POST",
                "/users/" + keys.bobId() + "/channels",
                keys.bob(),
                "{\"type\":\"TELEGRAM\",\"address\":\"telegram:" + botToken + "/-1001234567890\"}");
        String rule = "{\"symbol\":\"" + SYMBOL + "\",\"threshold\":100,\"channels\":[\"IN_APP\",\"WEBHOOK\"]}";
        api.call("POST", "/alerts", keys.adaSecond(), rule);
        api.call(
                "POST",
                "/alerts",
                keys.bob(),
                "{\"symbol\":\"" + SYMBOL + "\",\"threshold\":100,"
                        + "\"channels\":[\"IN_APP\",\"WEBHOOK\",\"SLACK\",\"TELEGRAM\"]}");
        assertThat(api.call("GET", "/users", adminKey, null).get("items")).isNotEmpty();
        assertThat(api.send("GET", "/users/" + keys.adaId(), keys.wrong(), null).statusCode())
                .isEqualTo(401);
        assertThat(api.send("GET", "/users/" + keys.adaId(), keys.adaRevoked(), null)
                        .statusCode())
                .isEqualTo(401);

        // And alerts are delivered, a record lands in the dead-letter topic, the api-service polls Alpha
        // Vantage with its key, and the system stops
        priceRisesUntilBothWebhooksGotAnAlert();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(deliveriesTo("/chat/services/T0001/B0001/" + slackToken)).isNotEmpty();
            assertThat(deliveriesTo("/tg/bot" + botToken + "/sendMessage")).isNotEmpty();
        });
        anUnreadableRecordIsDeadLettered();
        await().atMost(WAIT).until(() -> alphaVantage.apiKeysSeen().contains(alphaVantageKey));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(api.call("GET", "/users/" + keys.bobId() + "/alerts", keys.bob(), null)
                                .get("items"))
                        .isNotEmpty());
        system.close();

        // Then every delivery was signed with the channel's secrets: Ada's with the new one, then the old one
        for (RecordedRequest delivery : deliveriesTo("ada")) {
            assertThat(delivery.getHeaders().get("webhook-signature"))
                    .isEqualTo(signature(webhooks.adaNew(), delivery) + " " + signature(webhooks.adaOld(), delivery));
        }
        for (RecordedRequest delivery : deliveriesTo("bob")) {
            assertThat(delivery.getHeaders().get("webhook-signature")).isEqualTo(signature(webhooks.bob(), delivery));
        }

        // And no log line, no record of any topic and no table holds any of the secrets in clear
        List<String> secrets = new ArrayList<>(List.of(alphaVantageKey, adminKey, sealKey));
        secrets.addAll(keys.all());
        secrets.addAll(webhooks.all());
        secrets.addAll(List.of(slackToken, botToken, botToken.substring(botToken.indexOf(':') + 1)));
        assertNoneIsLeftAnywhere(secrets, keys.adaId());
    }

    /** The API keys of the run: Ada's first, second and revoked ones, Bob's, and one that was never issued. */
    private record Keys(
            String adaId, String ada, String adaSecond, String adaRevoked, String bobId, String bob, String wrong) {

        List<String> all() {
            return List.of(ada, adaSecond, adaRevoked, bob, wrong);
        }
    }

    /** The webhook secrets of the run: Ada's before and after the rotation, and Bob's. */
    private record Webhooks(String adaOld, String adaNew, String bob) {

        /** Each secret, and its base64 key without {@code whsec_}. */
        List<String> all() {
            List<String> all = new ArrayList<>();
            for (String secret : List.of(adaOld, adaNew, bob)) {
                assertThat(secret).startsWith(WHSEC);
                all.addAll(List.of(secret, secret.substring(WHSEC.length())));
            }
            return all;
        }
    }

    private static Keys registerTwoUsers(ApiClient api) throws Exception {
        JsonNode ada = api.call("POST", "/users", null, "{\"name\":\"Ada Scan\",\"email\":\"" + ADA_EMAIL + "\"}");
        JsonNode bob = api.call("POST", "/users", null, "{\"name\":\"Bob Scan\",\"email\":\"bob-scan@example.com\"}");
        String adaId = ada.get("id").asString();
        String adaKey = ada.get("apiKey").asString();
        String second = api.call("POST", "/users/" + adaId + "/keys", adaKey, "{\"name\":\"laptop\"}")
                .get("apiKey")
                .asString();
        JsonNode third = api.call("POST", "/users/" + adaId + "/keys", adaKey, null);
        String revoke = "/users/" + adaId + "/keys/" + third.get("id").asString();
        assertThat(api.send("DELETE", revoke, second, null).statusCode()).isEqualTo(204);
        return new Keys(
                adaId,
                adaKey,
                second,
                third.get("apiKey").asString(),
                bob.get("id").asString(),
                bob.get("apiKey").asString(),
                "sa_" + random(32));
    }

    private static Webhooks addWebhooks(ApiClient api, Keys keys, MockWebServer receiver) throws Exception {
        JsonNode ada = webhook(api, keys.adaId(), keys.ada(), receiver, "ada");
        String rotate = "/users/" + keys.adaId() + "/channels/" + ada.get("id").asString() + "/secret/rotate";
        String adaNew =
                api.call("POST", rotate, keys.adaSecond(), null).get("secret").asString();
        JsonNode bob = webhook(api, keys.bobId(), keys.bob(), receiver, "bob");
        return new Webhooks(
                ada.get("secret").asString(), adaNew, bob.get("secret").asString());
    }

    private void priceRisesUntilBothWebhooksGotAnAlert() {
        try (KafkaProducer<String, Object> producer = Ticks.producer()) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), SYMBOL, Ticks.of(SYMBOL, "101.25", Instant.now())));
                assertThat(deliveriesTo("ada")).isNotEmpty();
                assertThat(deliveriesTo("bob")).isNotEmpty();
            });
        }
    }

    private static void anUnreadableRecordIsDeadLettered() throws Exception {
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            raw.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), SYMBOL, "{not a price tick"))
                    .get();
        }
        await().atMost(WAIT)
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(SecretScan.inTopics(TestKafka.bootstrapServers(), List.of())
                                .headersByTopic()
                                .get(DEAD_LETTERS))
                        .isPositive());
    }

    /**
     * Asserts no log file, topic record or table column holds any of {@code secrets}, after checking that
     * each place is really read: the services' ready lines are in the logs, {@code userId} in the topics,
     * Ada's e-mail address in the tables.
     */
    private static void assertNoneIsLeftAnywhere(List<String> secrets, String userId) throws Exception {
        assertThat(SecretScan.inLogs(LOGS, List.of(" ready in ")))
                .as("the logs are read")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(SecretScan.inLogs(LOGS, secrets)).isEmpty();

        SecretScan.TopicsScanned topics = SecretScan.inTopics(TestKafka.bootstrapServers(), secrets);
        assertThat(topics.findings()).isEmpty();
        assertThat(topics.recordsByTopic())
                .hasEntrySatisfying(
                        Topics.ALERTS_TRIGGERED.name(),
                        count -> assertThat(count).isPositive())
                .hasEntrySatisfying(
                        Topics.USER_EVENTS.name(), count -> assertThat(count).isPositive());
        assertThat(topics.headersByTopic())
                .hasEntrySatisfying(DEAD_LETTERS, count -> assertThat(count).isPositive());
        assertThat(SecretScan.inTopics(TestKafka.bootstrapServers(), List.of(userId))
                        .findings())
                .as("the topics are read")
                .isNotEmpty();

        assertThat(PersonalDataScan.findingsInEveryColumn(TestDatabase.endpoint(), List.of(ADA_EMAIL)))
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
        String path = name.startsWith("/") ? name : "/hooks/" + name;
        return deliveries.stream()
                .filter(request -> request.getUrl().encodedPath().equals(path))
                .toList();
    }

    /** The Standard Webhooks signature of {@code delivery} with {@code secret}, as a receiver checks it. */
    private static String signature(String secret, RecordedRequest delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(WHSEC.length())), "HmacSHA256"));
        String signed = delivery.getHeaders().get("webhook-id") + "."
                + delivery.getHeaders().get("webhook-timestamp") + "."
                + delivery.getBody().string(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }
}
