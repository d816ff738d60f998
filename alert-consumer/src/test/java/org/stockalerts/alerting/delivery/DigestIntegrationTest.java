package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
 * Quiet hours and daily caps through the real broker and database: deliveries held for a digest are logged HELD,
 * wait in {@code alerting.held_deliveries}, and go out as one signed webhook call and one e-mail per channel when
 * they are due; a digest that fails is retried under the same id. The preferences are rows of the API's table, as
 * api-service writes them.
 */
@IntegrationTest
@SpringBootTest(
        properties = {
            "stockalerts.delivery.allowed-hosts=127.0.0.1,localhost",
            "stockalerts.delivery.connect-timeout=500ms",
            "stockalerts.delivery.request-timeout=2s",
            "stockalerts.delivery.first-attempt-timeout=500ms",
            "stockalerts.delivery.schedule=500ms,1s",
            "stockalerts.delivery.kafka-retries=2",
            "stockalerts.delivery.retry-poll-interval=200ms",
            "stockalerts.delivery.partitions=3"
        })
@WithServiceSchemas("api")
class DigestIntegrationTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Autowired
    JdbcTemplate jdbc;

    private final List<MockWebServer> receivers = new ArrayList<>();

    @BeforeAll
    static void startSmtp() {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @BeforeEach
    void deliveryListenersHaveTheirPartitions(@Autowired KafkaListenerEndpointRegistry listeners) {
        DeliveryFixtures.awaitPartitionsAssigned(listeners, WAIT);
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(MockWebServer::close);
    }

    @Test
    void alertsOfTheQuietHoursGoOutAsOneDigestPerChannelWhenTheyEnd() throws Exception {
        // Given a user with a webhook and an e-mail channel whose quiet hours (UTC) end 20 s from now
        UUID user = DeliveryFixtures.user(jdbc);
        MockWebServer receiver = receiver(DeliveryFixtures.accepted());
        String secret = DeliveryFixtures.newSecret();
        DeliveryFixtures.webhook(jdbc, user, receiver, secret);
        String email = "night-" + user + "@example.com";
        DeliveryFixtures.channel(jdbc, user, ChannelType.EMAIL, email, null);
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        preferences(user, now.minusHours(1), now.plusSeconds(20), "{}");

        // When two alerts fire in them
        AlertTriggered first = alert(user, "AAPL rose above 200.00");
        AlertTriggered second = alert(user, "MSFT fell below 300.00");
        publish(first);
        publish(second);

        // Then neither is sent at once: each delivery is logged HELD for the quiet hours
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(outcomes(first)).containsExactlyInAnyOrder("EMAIL:HELD", "WEBHOOK:HELD");
            assertThat(outcomes(second)).containsExactlyInAnyOrder("EMAIL:HELD", "WEBHOOK:HELD");
        });
        assertThat(receiver.getRequestCount()).isZero();
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT reason FROM alerting.held_deliveries WHERE user_id = ?", String.class, user))
                .containsExactly("QUIET_HOURS");

        // And when the quiet hours end, the webhook gets one digest of both, signed, under the digest's id
        RecordedRequest digest = receiver.takeRequest(WAIT.toSeconds() + 20, TimeUnit.SECONDS);
        assertThat(digest).isNotNull();
        String body = digest.getBody().string(StandardCharsets.UTF_8);
        JsonNode payload = EventJson.mapper().readTree(body);
        assertThat(payload.get("type").asString()).isEqualTo("alert.digest");
        assertThat(payload.at("/data/count").asInt()).isEqualTo(2);
        assertThat(payload.at("/data/alerts")
                        .valueStream()
                        .map(held -> held.at("/alert/alertId").asString())
                        .toList())
                .containsExactlyInAnyOrder(
                        first.alertId().toString(), second.alertId().toString());
        assertThat(payload.at("/data/alerts/0/heldFor").asString()).isEqualTo("QUIET_HOURS");
        String id = digest.getHeaders().get("webhook-id");
        assertThat(id).isEqualTo(payload.at("/data/digestId").asString());
        assertThat(digest.getHeaders().get("webhook-signature"))
                .isEqualTo(DeliveryIntegrationTest.expectedSignature(
                        secret, id, digest.getHeaders().get("webhook-timestamp"), body));

        // And the mailbox one e-mail listing both
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessagesForDomain(email).length == 1);
        MimeMessage mail = SMTP.getReceivedMessagesForDomain(email)[0];
        assertThat(mail.getSubject()).isEqualTo("Stock alerts: 2 alerts from your quiet hours");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail))
                .contains(first.alertId().toString())
                .contains(second.alertId().toString());

        // And each delivery is logged DELIVERED once, as part of the same digest per channel, with nothing left held
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(outcomes(first))
                    .containsExactlyInAnyOrder("EMAIL:HELD", "EMAIL:DELIVERED", "WEBHOOK:HELD", "WEBHOOK:DELIVERED");
            assertThat(outcomes(second))
                    .containsExactlyInAnyOrder("EMAIL:HELD", "EMAIL:DELIVERED", "WEBHOOK:HELD", "WEBHOOK:DELIVERED");
        });
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT channel || ':' || digest_id FROM alerting.alert_deliveries"
                                + " WHERE user_id = ? AND outcome = 'DELIVERED'",
                        String.class,
                        user))
                .hasSize(2)
                .contains("WEBHOOK:" + id);
        assertThat(held(user)).isZero();
        assertThat(receiver.getRequestCount()).isEqualTo(1);
    }

    @Test
    void pastTheDailyCapAlertsWaitForTheHourlyDigestAndAFailedDigestIsRetriedUnderItsId() throws Exception {
        // Given a user capped at one webhook message a day, whose receiver fails the first digest once
        UUID user = DeliveryFixtures.user(jdbc);
        MockWebServer receiver = receiver(
                DeliveryFixtures.accepted(),
                new MockResponse.Builder().code(503).build(),
                DeliveryFixtures.accepted());
        DeliveryFixtures.webhook(jdbc, user, receiver, DeliveryFixtures.newSecret());
        preferences(user, null, null, "{\"WEBHOOK\": 1}");

        // When one alert fires, it is sent alone
        AlertTriggered alone = alert(user, "AAPL rose above 200.00");
        publish(alone);
        RecordedRequest single = receiver.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(single).isNotNull();
        assertThat(single.getHeaders().get("webhook-id"))
                .isEqualTo(alone.alertId().toString());
        await().atMost(WAIT).until(() -> outcomes(alone).equals(List.of("WEBHOOK:DELIVERED")));

        // And the next two are held until the next full hour
        AlertTriggered second = alert(user, "AAPL rose above 210.00");
        AlertTriggered third = alert(user, "AAPL rose above 220.00");
        publish(second);
        publish(third);
        await().atMost(WAIT).until(() -> held(user) == 2);
        for (Map<String, Object> row : jdbc.queryForList(
                "SELECT reason, release_at, held_at FROM alerting.held_deliveries WHERE user_id = ?", user)) {
            assertThat(row.get("reason")).isEqualTo("DAILY_CAP");
            Instant heldAt = ((Timestamp) row.get("held_at")).toInstant();
            assertThat(((Timestamp) row.get("release_at")).toInstant())
                    .isEqualTo(heldAt.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
        }
        assertThat(outcomes(second)).containsExactly("WEBHOOK:HELD");

        // When the hour comes (here: made due now)
        jdbc.update("UPDATE alerting.held_deliveries SET release_at = now() WHERE user_id = ?", user);

        // Then the digest is tried, fails with 503, and is tried again with the same id and the same alerts
        RecordedRequest failed = receiver.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        RecordedRequest retried = receiver.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(failed).isNotNull();
        assertThat(retried).isNotNull();
        assertThat(retried.getHeaders().get("webhook-id"))
                .isEqualTo(failed.getHeaders().get("webhook-id"));
        JsonNode payload = EventJson.mapper().readTree(retried.getBody().string(StandardCharsets.UTF_8));
        assertThat(payload.at("/data/count").asInt()).isEqualTo(2);
        assertThat(payload.at("/data/alerts/0/heldFor").asString()).isEqualTo("DAILY_CAP");

        // And the log shows each alert held, retrying, then delivered in the digest; nothing is left held
        await().atMost(WAIT)
                .until(() -> outcomes(second).equals(List.of("WEBHOOK:HELD", "WEBHOOK:RETRYING", "WEBHOOK:DELIVERED"))
                        && outcomes(third).equals(List.of("WEBHOOK:HELD", "WEBHOOK:RETRYING", "WEBHOOK:DELIVERED")));
        assertThat(held(user)).isZero();
        assertThat(receiver.getRequestCount()).isEqualTo(3);
    }

    private void preferences(UUID user, LocalTime quietStart, LocalTime quietEnd, String caps) {
        jdbc.update(
                "INSERT INTO api.user_preferences (user_id, time_zone, quiet_start, quiet_end, daily_caps, updated_at)"
                        + " VALUES (?, 'UTC', ?, ?, ?::jsonb, now())",
                user,
                quietStart,
                quietEnd,
                caps);
    }

    private static AlertTriggered alert(UUID user, String message) {
        return AlertDraft.alert()
                .user(user)
                .message(message)
                .channels(ChannelType.WEBHOOK, ChannelType.EMAIL)
                .build();
    }

    private void publish(AlertTriggered alert) throws Exception {
        DeliveryFixtures.publish(kafka, alert);
    }

    private MockWebServer receiver(MockResponse... responses) throws Exception {
        MockWebServer server = new MockWebServer();
        for (MockResponse response : responses) {
            server.enqueue(response);
        }
        receivers.add(server);
        return DeliveryFixtures.started(server);
    }

    private List<String> outcomes(AlertTriggered alert) {
        return DeliveryFixtures.outcomes(jdbc, alert);
    }

    private int held(UUID user) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM alerting.held_deliveries WHERE user_id = ?", Integer.class, user);
        return count == null ? 0 : count;
    }
}
