package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.WithServiceSchemas;
import tools.jackson.databind.JsonNode;

/**
 * Slack, Discord, Telegram and ntfy channels through the real broker and database: an alert fired for all four
 * reaches a local fake of each provider once, from the address sealed in the API's table; a Slack hook that answers
 * 410 fails at once, without retries, and is disabled.
 */
@IntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stockalerts.delivery.allowed-hosts=127.0.0.1,localhost",
            "stockalerts.delivery.request-timeout=2s",
            "stockalerts.delivery.first-attempt-timeout=1s",
            "stockalerts.delivery.schedule=500ms,1s",
            "stockalerts.delivery.kafka-retries=2",
            "stockalerts.delivery.retry-poll-interval=200ms",
            "stockalerts.delivery.partitions=3",
            "stockalerts.delivery.disable-after-permanent-failures=3"
        })
@WithServiceSchemas("api")
class ChatChannelsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TELEGRAM_TOKEN = "123456789:AAEhBP0av28aT5nXlXtBQZxn9rd6FXo1Yqs";

    /** The fake of every provider: requests by path; a path starting /gone/ answers 410 like a removed Slack hook. */
    private static final MockWebServer PROVIDERS = new MockWebServer();

    private static final ConcurrentMap<String, List<RecordedRequest>> RECEIVED = new ConcurrentHashMap<>();

    static {
        PROVIDERS.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                RECEIVED.merge(
                        path,
                        List.of(request),
                        (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
                if (path.startsWith("/gone/")) {
                    return new MockResponse.Builder()
                            .code(410)
                            .body("no_active_hooks")
                            .build();
                }
                if (path.startsWith("/deleted/")) {
                    return new MockResponse.Builder()
                            .code(404)
                            .body("{\"message\": \"Unknown Webhook\", \"code\": 10015}")
                            .build();
                }
                return path.endsWith("/sendMessage")
                        ? new MockResponse.Builder()
                                .code(200)
                                .body("{\"ok\": true}")
                                .build()
                        : new MockResponse.Builder().code(200).build();
            }
        });
        try {
            DeliveryFixtures.started(PROVIDERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("stockalerts.delivery.telegram-api-url", () -> url(""));
    }

    @AfterAll
    static void stopProviders() {
        PROVIDERS.close();
    }

    @BeforeEach
    void deliveryListenersHaveTheirPartitions(@Autowired KafkaListenerEndpointRegistry listeners) {
        DeliveryFixtures.awaitPartitionsAssigned(listeners, WAIT);
    }

    @Test
    void anAlertReachesEachChatProviderOnceFromTheSealedAddress() throws Exception {
        // Given a user with a Slack, a Discord, a Telegram and an ntfy channel
        UUID user = DeliveryFixtures.user(jdbc);
        String tag = user.toString().substring(0, 8);
        String slack = "/services/T0001/B0001/slack" + tag;
        String discord = "/api/webhooks/123/discord" + tag;
        String chat = "-100" + Math.abs(user.getLeastSignificantBits() % 1_000_000_000L);
        String ntfy = "/ntfy-" + tag;
        DeliveryFixtures.chatChannel(jdbc, user, ChannelType.SLACK, url(slack));
        DeliveryFixtures.chatChannel(jdbc, user, ChannelType.DISCORD, url(discord));
        DeliveryFixtures.chatChannel(jdbc, user, ChannelType.TELEGRAM, "telegram:" + TELEGRAM_TOKEN + "/" + chat);
        DeliveryFixtures.chatChannel(jdbc, user, ChannelType.NTFY, url(ntfy));

        // When an alert fires for all four
        AlertTriggered alert = AlertDraft.alert()
                .user(user)
                .message("AAPL rose above 200.00")
                .channels(
                        ChannelType.IN_APP,
                        ChannelType.SLACK,
                        ChannelType.DISCORD,
                        ChannelType.TELEGRAM,
                        ChannelType.NTFY)
                .build();
        publish(alert);

        // Then each provider gets it once, and the log holds one success per channel
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(outcomes(alert))
                        .containsExactlyInAnyOrder(
                                "SLACK:DELIVERED", "DISCORD:DELIVERED", "TELEGRAM:DELIVERED", "NTFY:DELIVERED"));
        assertThat(RECEIVED.get(slack)).hasSize(1);
        assertThat(RECEIVED.get(discord)).hasSize(1);
        assertThat(RECEIVED.get(ntfy)).hasSize(1);
        assertThat(RECEIVED.get("/bot" + TELEGRAM_TOKEN + "/sendMessage"))
                .anySatisfy(request -> assertThat(request.getBody().utf8()).contains(chat));
    }

    @Test
    void aSlackHookThatIsGoneFailsAtOnceAndIsDisabled() throws Exception {
        // Given a user whose Slack hook was removed
        UUID user = DeliveryFixtures.user(jdbc);
        String gone = "/gone/services/T0001/B0001/" + user;
        UUID channel = DeliveryFixtures.chatChannel(jdbc, user, ChannelType.SLACK, url(gone));

        // When an alert fires for it
        AlertTriggered alert = AlertDraft.alert()
                .user(user)
                .message("AAPL rose above 200.00")
                .channels(ChannelType.SLACK)
                .build();
        publish(alert);

        // Then one attempt fails for good, and the channel is disabled
        await().atMost(WAIT).until(() -> outcomes(alert).equals(List.of("SLACK:FAILED")));
        await().atMost(WAIT)
                .until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM alerting.endpoint_states WHERE channel_id = ?"
                                + " AND disabled_at IS NOT NULL)",
                        Boolean.class,
                        channel)));
        // And it is not called again
        await().during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> RECEIVED.get(gone).size() == 1 && outcomes(alert).equals(List.of("SLACK:FAILED")));
    }

    @Test
    void finalErrorsDisableAChannelTheUserIsToldElsewhereAndItsHealthIsKept() throws Exception {
        // Given a user whose Discord webhook was deleted, and who also has an ntfy topic
        UUID user = DeliveryFixtures.user(jdbc);
        String deleted = "/deleted/api/webhooks/1/" + user;
        String ntfy = "/notices-" + user.toString().substring(0, 8);
        UUID discord = DeliveryFixtures.chatChannel(jdbc, user, ChannelType.DISCORD, url(deleted));
        DeliveryFixtures.chatChannel(jdbc, user, ChannelType.NTFY, url(ntfy));

        // When three alerts for the Discord channel fail with its final 404
        for (int i = 0; i < 3; i++) {
            AlertTriggered alert = discordAlert(user);
            publish(alert);
            await().atMost(WAIT).until(() -> outcomes(alert).equals(List.of("DISCORD:FAILED")));
        }

        // Then the channel is disabled, with its health kept: three failures, all final, the last error
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(jdbc.queryForMap(
                                "SELECT disabled_reason, consecutive_failures, permanent_failures, last_error"
                                        + " FROM alerting.endpoint_states WHERE channel_id = ?",
                                discord))
                        .containsEntry("consecutive_failures", 3)
                        .containsEntry("permanent_failures", 3)
                        .containsEntry("last_error", "the provider answered 404: Unknown Webhook")
                        .hasEntrySatisfying(
                                "disabled_reason",
                                reason -> assertThat((String) reason).contains("3 final errors")));
        // And the user is told through the other channel, once
        await().atMost(WAIT).until(() -> RECEIVED.containsKey(ntfy));
        RecordedRequest notice = RECEIVED.get(ntfy).getFirst();
        assertThat(notice.getHeaders().get("Title")).isEqualTo("Stock alerts: your Discord channel was disabled");
        assertThat(notice.getBody().utf8()).contains("/reenable").contains("3 final errors");
        // And a later alert is skipped without a call
        AlertTriggered later = discordAlert(user);
        publish(later);
        await().atMost(WAIT).until(() -> outcomes(later).equals(List.of("DISCORD:SKIPPED")));
        assertThat(RECEIVED.get(deleted)).hasSize(3);
        assertThat(RECEIVED.get(ntfy)).hasSize(1);
    }

    @Test
    void aTestMessageAnswersWhatTheProviderSaid(@LocalServerPort int port) throws Exception {
        // Given a user with an ntfy topic and a removed Slack hook
        UUID user = DeliveryFixtures.user(jdbc);
        String ntfy = "/test-" + user.toString().substring(0, 8);
        UUID working = DeliveryFixtures.chatChannel(jdbc, user, ChannelType.NTFY, url(ntfy));
        UUID gone = DeliveryFixtures.chatChannel(
                jdbc,
                user,
                ChannelType.SLACK,
                url("/gone/services/T/B/" + user.toString().substring(0, 8)));

        // When each is tested through the internal route
        JsonNode delivered = test(port, working, user);
        JsonNode refused = test(port, gone, user);

        // Then the working one was delivered, the test message at the provider
        assertThat(delivered.get("outcome").asString()).isEqualTo("DELIVERED");
        assertThat(RECEIVED.get(ntfy).getFirst().getHeaders().get("Title")).isEqualTo("Stock alerts: test message");
        // And the removed one answers the provider's final 410, and counts for nothing in its health
        assertThat(refused.get("outcome").asString()).isEqualTo("PERMANENT");
        assertThat(refused.get("statusCode").asInt()).isEqualTo(410);
        assertThat(refused.get("error").asString()).contains("no_active_hooks");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM alerting.endpoint_states WHERE channel_id = ?", Integer.class, gone))
                .isZero();
        // And another user's channel is not found
        HttpResponse<String> other = HttpClient.newHttpClient()
                .send(testRequest(port, working, UUID.randomUUID()), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
    }

    private static JsonNode test(int port, UUID channel, UUID user) throws Exception {
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(testRequest(port, channel, user), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return EventJson.mapper().readTree(answer.body());
    }

    private static HttpRequest testRequest(int port, UUID channel, UUID user) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/engine/channels/" + channel + "/test?userId=" + user))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private static AlertTriggered discordAlert(UUID user) {
        return AlertDraft.alert()
                .user(user)
                .message("AAPL rose above 200.00")
                .channels(ChannelType.DISCORD)
                .build();
    }

    private void publish(AlertTriggered alert) throws Exception {
        DeliveryFixtures.publish(kafka, alert);
    }

    private List<String> outcomes(AlertTriggered alert) {
        return DeliveryFixtures.outcomes(jdbc, alert);
    }

    private static String url(String path) {
        String base = PROVIDERS.url("/").toString();
        return base.substring(0, base.length() - 1) + path;
    }
}
