package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.UserDeleted;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.PersonalDataScan;
import org.stockalerts.testsupport.TestKafka;
import org.stockalerts.testsupport.WithServiceSchemas;

/**
 * End to end inside alert-consumer: fired alerts published on alerts-triggered reach webhook
 * receivers (MockWebServer) and an SMTP server (GreenMail) through the real broker, with the
 * channels read from the API's table and every attempt in the real delivery log.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(
        properties = {
            "stockalerts.delivery.allowed-hosts=127.0.0.1,localhost",
            "stockalerts.delivery.connect-timeout=500ms",
            "stockalerts.delivery.request-timeout=2s",
            "stockalerts.delivery.first-attempt-timeout=500ms",
            "stockalerts.delivery.breaker-open-for=1s",
            "stockalerts.delivery.schedule=500ms,1s",
            "stockalerts.delivery.kafka-retries=2",
            "stockalerts.delivery.retry-poll-interval=200ms",
            "stockalerts.delivery.partitions=" + DeliveryIntegrationTest.PARTITIONS
        })
@WithServiceSchemas("api")
class DeliveryIntegrationTest {

    static final int PARTITIONS = 3;
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

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
    void deliversAnAlertAsASignedWebhookAndAsAnEmail() throws Exception {
        // Given a user with a webhook and an e-mail channel, and a receiver that accepts
        UUID user = DeliveryFixtures.user(jdbc);
        MockWebServer receiver = receiver(DeliveryFixtures.accepted());
        String secret = DeliveryFixtures.newSecret();
        DeliveryFixtures.webhook(jdbc, user, receiver, secret);
        String email = "trader-" + user + "@example.com";
        DeliveryFixtures.channel(jdbc, user, ChannelType.EMAIL, email, null);
        AlertTriggered alert = AlertDraft.alert()
                .user(user)
                .message("AAPL rose above 200.00 (now 201.37)")
                .channels(ChannelType.WEBHOOK, ChannelType.EMAIL)
                .build();

        // When the alert fires
        publish(alert);

        // Then the receiver gets one request, identified by the alert id and validly signed
        RecordedRequest request = receiver.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        String id = request.getHeaders().get("webhook-id");
        String timestamp = request.getHeaders().get("webhook-timestamp");
        String body = request.getBody().string(StandardCharsets.UTF_8);
        assertThat(id).isEqualTo(alert.alertId().toString());
        assertThat(Long.parseLong(timestamp))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.api.Assertions.within(60L));
        assertThat(request.getHeaders().get("webhook-signature"))
                .isEqualTo(expectedSignature(secret, id, timestamp, body));
        assertThat(body)
                .contains("\"type\":\"alert.triggered\"")
                .contains(alert.alertId().toString())
                .contains("AAPL rose above 200.00 (now 201.37)");

        // And the mail arrives with a clear subject and a plain-text and an HTML part
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessagesForDomain(email).length == 1);
        MimeMessage mail = SMTP.getReceivedMessagesForDomain(email)[0];
        assertThat(mail.getSubject()).isEqualTo("Stock alert: AAPL - AAPL rose above 200.00 (now 201.37)");
        assertThat(GreenMailUtil.getWholeMessage(mail)).contains("text/plain").contains("text/html");

        // And the log holds one successful attempt per channel
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(attempts(alert))
                        .extracting(row -> row.get("channel") + ":" + row.get("outcome"))
                        .containsExactlyInAnyOrder("WEBHOOK:DELIVERED", "EMAIL:DELIVERED"));
    }

    @Test
    void signsWithBothSecretsDuringARotationsOverlapAndWithTheNewOneAfterIt() throws Exception {
        // Given a user with two webhooks whose secrets were rotated: the first's old secret still valid
        // for an hour, the second's expired a minute ago
        UUID user = DeliveryFixtures.user(jdbc);
        MockWebServer overlapping = receiver(DeliveryFixtures.accepted());
        MockWebServer expired = receiver(DeliveryFixtures.accepted());
        UUID overlappingId = UUID.randomUUID();
        UUID expiredId = UUID.randomUUID();
        String oldSecret = DeliveryFixtures.newSecret();
        String newSecret = DeliveryFixtures.newSecret();
        DeliveryFixtures.webhook(jdbc, user, overlapping, oldSecret, overlappingId);
        DeliveryFixtures.webhook(jdbc, user, expired, oldSecret, expiredId);
        DeliveryFixtures.rotate(jdbc, overlappingId, newSecret, Duration.ofHours(1));
        DeliveryFixtures.rotate(jdbc, expiredId, newSecret, Duration.ofMinutes(-1));
        // And no row holds a secret in clear
        assertThat(jdbc.queryForList(
                        "SELECT secret || previous_secret FROM api.notification_channels WHERE user_id = ?",
                        String.class,
                        user))
                .hasSize(2)
                .allSatisfy(row ->
                        assertThat(row).doesNotContain(oldSecret.substring(6)).doesNotContain(newSecret.substring(6)));

        // When an alert fires
        publish(DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00"));

        // Then the overlapping receiver gets two signatures, the new secret's first, each verifiable
        RecordedRequest both = overlapping.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(both).isNotNull();
        assertThat(both.getHeaders().get("webhook-signature").split(" "))
                .containsExactly(signed(newSecret, both), signed(oldSecret, both));
        // And the other receiver only the new secret's
        RecordedRequest one = expired.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(one).isNotNull();
        assertThat(one.getHeaders().get("webhook-signature")).isEqualTo(signed(newSecret, one));
    }

    @Test
    void retriesAReceiverThatFailsTwiceAndDeliversExactlyOnce() throws Exception {
        // Given a receiver that answers 503, then 429 with Retry-After, then 200
        UUID user = DeliveryFixtures.user(jdbc);
        MockWebServer receiver = receiver(
                new MockResponse.Builder().code(503).build(),
                new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "1")
                        .build(),
                DeliveryFixtures.accepted());
        DeliveryFixtures.webhook(jdbc, user, receiver, DeliveryFixtures.newSecret());
        AlertTriggered alert = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");

        // When the alert fires
        publish(alert);

        // Then three attempts are logged, the last one delivered
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(attempts(alert))
                        .extracting(row -> row.get("outcome") + ":" + row.get("status_code"))
                        .containsExactly("RETRYING:503", "RETRYING:429", "DELIVERED:204"));
        // And the receiver saw three requests of the same alert, the third at least a second after the 429
        assertThat(receiver.getRequestCount()).isEqualTo(3);
        List<RecordedRequest> requests =
                List.of(receiver.takeRequest(), receiver.takeRequest(), receiver.takeRequest());
        assertThat(requests)
                .extracting(r -> r.getHeaders().get("webhook-id"))
                .containsOnly(alert.alertId().toString());
        List<Instant> times = attemptTimes(alert);
        assertThat(Duration.between(times.get(1), times.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void neverSendsAReplayedAlertAgainThroughATargetThatAlreadyGotIt() throws Exception {
        // Given an alert delivered to a user's first webhook
        UUID user = DeliveryFixtures.user(jdbc);
        MockWebServer first = receiver(DeliveryFixtures.accepted(), DeliveryFixtures.accepted());
        DeliveryFixtures.webhook(jdbc, user, first, DeliveryFixtures.newSecret());
        AlertTriggered alert = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");
        publish(alert);
        assertThat(first.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();

        // When the user adds a second webhook and the same alert is replayed
        MockWebServer second = receiver(DeliveryFixtures.accepted());
        DeliveryFixtures.webhook(jdbc, user, second, DeliveryFixtures.newSecret());
        publish(alert);

        // Then only the new target receives it, and the first one's log still shows one attempt
        assertThat(second.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> first.getRequestCount() == 1);
        assertThat(attempts(alert))
                .extracting(row -> row.get("outcome").toString())
                .containsExactly("DELIVERED", "DELIVERED");
    }

    @Test
    void aNeverAnsweringReceiverHoldsUpTheTargetsBehindItOnlyForTheFirstAttemptBudget() throws Exception {
        // Given a receiver that never answers, and a healthy one whose deliveries share its partition
        UUID stuckUser = DeliveryFixtures.user(jdbc);
        MockWebServer stuck = neverAnswering();
        DeliveryFixtures.webhook(
                jdbc,
                stuckUser,
                stuck,
                DeliveryFixtures.newSecret(),
                DeliveryFixtures.channelIdOnPartition(0, PARTITIONS));
        UUID healthyUser = DeliveryFixtures.user(jdbc);
        MockWebServer healthy = receiver(DeliveryFixtures.accepted());
        DeliveryFixtures.webhook(
                jdbc,
                healthyUser,
                healthy,
                DeliveryFixtures.newSecret(),
                DeliveryFixtures.channelIdOnPartition(0, PARTITIONS));
        AlertTriggered stuckAlert = DeliveryFixtures.webhookAlert(stuckUser, "AAPL rose above 200.00");
        AlertTriggered healthyAlert = DeliveryFixtures.webhookAlert(healthyUser, "AAPL rose above 200.00");

        // When the stuck receiver holds the first attempt of its alert, and the healthy user's alert
        // is queued behind it
        publish(stuckAlert);
        assertThat(stuck.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        publish(healthyAlert);

        // Then the stuck attempt gives up at the first-attempt budget (0.5 s), and the healthy alert
        // is delivered before any call with the full request timeout (2 s) could have held it up
        // (when the broker's assignment lets the two run side by side, it is delivered even sooner)
        assertThat(healthy.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        await().atMost(WAIT)
                .until(() -> !attempts(healthyAlert).isEmpty()
                        && !attempts(stuckAlert).isEmpty());
        List<String> log = jdbc.query(
                "SELECT alert_id, outcome, error FROM alerting.alert_deliveries WHERE alert_id IN (?, ?) ORDER BY id",
                (row, i) -> (row.getObject("alert_id").equals(stuckAlert.alertId()) ? "stuck" : "healthy") + ":"
                        + row.getString("outcome") + ":" + row.getString("error"),
                stuckAlert.alertId(),
                healthyAlert.alertId());
        assertThat(log).contains("stuck:RETRYING:no answer within PT0.5S", "healthy:DELIVERED:null");
        assertThat(log.subList(0, log.indexOf("healthy:DELIVERED:null"))).noneMatch(entry -> entry.endsWith("PT2S"));
    }

    @Test
    void sendsToAReceiverSlowerThanTheFirstAttemptBudgetOnRetriesOnly() throws Exception {
        // Given a receiver that accepts every alert, but only after a second: twice the budget
        UUID user = DeliveryFixtures.user(jdbc);
        List<String> received = new CopyOnWriteArrayList<>();
        MockWebServer slow = receiver();
        slow.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request.getHeaders().get("webhook-id"));
                return DeliveryFixtures.acceptedAfter(Duration.ofSeconds(1));
            }
        });
        DeliveryFixtures.webhook(jdbc, user, slow, DeliveryFixtures.newSecret());
        AlertTriggered first = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");
        AlertTriggered second = DeliveryFixtures.webhookAlert(user, "AAPL rose above 210.00");

        // When an alert fires, and another once the first was delivered
        publish(first);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(attempts(first))
                        .extracting(row -> row.get("outcome"))
                        .contains("DELIVERED"));
        publish(second);

        // Then the first, cut off at the budget on the main topic, was delivered by a retry
        assertThat(attempts(first)).first().extracting(row -> row.get("error")).isEqualTo("no answer within PT0.5S");
        // And the second is not sent from the main topic at all, only from its first retry, once
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(attempts(second))
                        .extracting(row -> row.get("outcome"))
                        .containsExactly("RETRYING", "DELIVERED"));
        assertThat(attempts(second).getFirst().get("error").toString()).startsWith("not called on the first attempt");
        assertThat(received).filteredOn(second.alertId().toString()::equals).hasSize(1);
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: measures latency, so it runs after the others warmed the paths up
    void givesUpANeverAnsweringReceiverWithoutDelayingAHealthyOne() throws Exception {
        // Given one user whose receiver never answers and another whose receiver is healthy
        UUID stuckUser = DeliveryFixtures.user(jdbc);
        MockWebServer stuck = neverAnswering();
        DeliveryFixtures.webhook(jdbc, stuckUser, stuck, DeliveryFixtures.newSecret());
        UUID healthyUser = DeliveryFixtures.user(jdbc);
        MockWebServer healthy = receiver(DeliveryFixtures.accepted());
        DeliveryFixtures.webhook(jdbc, healthyUser, healthy, DeliveryFixtures.newSecret());
        AlertTriggered stuckAlert = DeliveryFixtures.webhookAlert(stuckUser, "AAPL rose above 200.00");
        AlertTriggered healthyAlert = DeliveryFixtures.webhookAlert(healthyUser, "AAPL rose above 200.00");

        // When the stuck user's alert fires first and the healthy user's right after
        publish(stuckAlert);
        Instant healthyFired = Instant.now();
        publish(healthyAlert);

        // Then the healthy receiver gets its alert at once: at worst after the stuck one's first
        // attempt (0.5 s), never after its retries (a 2 s probe and 1.5 s of backoff)
        assertThat(healthy.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        assertThat(Duration.between(healthyFired, Instant.now())).isLessThan(Duration.ofMillis(4_500));
        assertThat(attempts(stuckAlert)).extracting(row -> row.get("outcome")).doesNotContain("FAILED");

        // And the stuck delivery ends failed after its three attempts: its first timed out, and an
        // attempt its open circuit deferred is not one of them
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(attempts(stuckAlert))
                        .filteredOn(row -> !String.valueOf(row.get("error")).contains(" waits "))
                        .extracting(row -> row.get("outcome").toString())
                        .containsExactly("RETRYING", "RETRYING", "FAILED"));
        assertThat(attempts(stuckAlert))
                .extracting(row -> row.get("error"))
                .first()
                .isEqualTo("no answer within PT0.5S");
    }

    @Test
    void deadLettersADeliveryWhoseLastAttemptOnAKafkaRetryTopicFailed() throws Exception {
        // Given a receiver that always answers 503 at once (two fast failures leave its circuit closed)
        UUID user = DeliveryFixtures.user(jdbc);
        MockWebServer failing = receiver();
        failing.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(503).build();
            }
        });
        DeliveryFixtures.webhook(jdbc, user, failing, DeliveryFixtures.newSecret());
        AlertTriggered alert = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");

        // When its alert fires
        publish(alert);

        // Then the three attempts, all on Kafka with this schedule, fail and it is dead-lettered
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(attempts(alert))
                        .extracting(row -> row.get("outcome") + ":" + row.get("status_code"))
                        .containsExactly("RETRYING:503", "RETRYING:503", "FAILED:503"));
        await().atMost(WAIT).until(() -> deadLettered(alert));
    }

    @Test
    void anAttemptItsOpenCircuitRefusesWaitsForTheProbeWithoutUsingUpAnAttempt() throws Exception {
        // Given a receiver whose first answer comes after the first-attempt budget, and every later one at once
        UUID user = DeliveryFixtures.user(jdbc);
        List<String> received = new CopyOnWriteArrayList<>();
        MockWebServer receiver = receiver();
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request.getHeaders().get("webhook-id"));
                return received.size() == 1
                        ? DeliveryFixtures.acceptedAfter(Duration.ofSeconds(1))
                        : DeliveryFixtures.accepted();
            }
        });
        DeliveryFixtures.webhook(jdbc, user, receiver, DeliveryFixtures.newSecret());
        AlertTriggered first = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");
        AlertTriggered second = DeliveryFixtures.webhookAlert(user, "AAPL rose above 210.00");

        // When two alerts fire together: the first attempt of the first times out and opens the
        // circuit, and the second's first attempt, queued behind it on its partition, finds it open
        publish(first);
        publish(second);

        // Then the second waits for the circuit instead of moving on through the schedule: its first
        // attempt is deferred, made from the database once a probe may go through, and delivered
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(attempts(second))
                        .extracting(row -> row.get("outcome").toString())
                        .containsExactly("RETRYING", "DELIVERED"));
        assertThat(attempts(second).getFirst().get("error").toString())
                .startsWith("circuit open")
                .contains("attempt 1 waits");
        // And both alerts reach the receiver, the second exactly once
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(attempts(first))
                        .extracting(row -> row.get("outcome").toString())
                        .endsWith("DELIVERED")
                        .doesNotContain("FAILED"));
        assertThat(received).filteredOn(second.alertId().toString()::equals).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM alerting.delivery_retries WHERE alert_id IN (?, ?)",
                        Integer.class,
                        first.alertId(),
                        second.alertId()))
                .isZero();
    }

    @Test
    void forgetsTheDeliveriesOfADeletedUser() throws Exception {
        // Given a user whose alert reached her e-mail address and was refused for her webhook's private host
        UUID user = DeliveryFixtures.user(jdbc);
        String email = "erased-" + user + "@example.com";
        String host = "10.77." + (user.hashCode() & 0xff) + "." + ((user.hashCode() >>> 8) & 0xff);
        DeliveryFixtures.channel(jdbc, user, ChannelType.EMAIL, email, null);
        DeliveryFixtures.channel(
                jdbc, user, ChannelType.WEBHOOK, "http://" + host + "/hooks/" + user, DeliveryFixtures.newSecret());
        AlertTriggered alert = AlertDraft.alert()
                .user(user)
                .channels(ChannelType.WEBHOOK, ChannelType.EMAIL)
                .build();
        publish(alert);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(attempts(alert))
                        .extracting(row -> row.get("channel") + ":" + row.get("outcome"))
                        .containsExactlyInAnyOrder("WEBHOOK:FAILED", "EMAIL:DELIVERED"));
        // (the webhook's health keeps the last error too, which names the host)
        assertThat(PersonalDataScan.findings(dataSource, List.of("alerting"), List.of(email, host)))
                .containsExactlyInAnyOrder(
                        "alerting.alert_deliveries.error contains " + host,
                        "alerting.endpoint_states.last_error contains " + host);

        // When her deletion arrives on user-events
        kafka.send(
                        Topics.USER_EVENTS.name(),
                        user.toString(),
                        new UserDeleted(UUID.randomUUID(), Instant.now(), UserDeleted.CURRENT_VERSION, user))
                .get(10, TimeUnit.SECONDS);

        // Then her attempts are gone, and no column of the alerting schema names her address or host
        await().atMost(WAIT).until(() -> attempts(alert).isEmpty());
        await().atMost(WAIT)
                .until(() -> PersonalDataScan.findings(dataSource, List.of("alerting"), List.of(email, host))
                        .isEmpty());
        assertThat(PersonalDataScan.findings(dataSource, List.of("alerting"), List.of(email, host)))
                .isEmpty();
    }

    private void publish(AlertTriggered alert) throws Exception {
        kafka.send(Topics.ALERTS_TRIGGERED.name(), alert.userId().toString(), alert)
                .get(10, TimeUnit.SECONDS);
    }

    private MockWebServer receiver(MockResponse... responses) throws Exception {
        MockWebServer server = new MockWebServer();
        for (MockResponse response : responses) {
            server.enqueue(response);
        }
        receivers.add(server);
        return DeliveryFixtures.started(server);
    }

    private MockWebServer neverAnswering() throws Exception {
        MockWebServer server = receiver();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return DeliveryFixtures.never();
            }
        });
        return server;
    }

    private static String signed(String secret, RecordedRequest request) throws Exception {
        return expectedSignature(
                secret,
                request.getHeaders().get("webhook-id"),
                request.getHeaders().get("webhook-timestamp"),
                request.getBody().string(StandardCharsets.UTF_8));
    }

    /** Computed here independently of the production signer, as a receiver would. */
    static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(digest);
    }

    private List<Map<String, Object>> attempts(AlertTriggered alert) {
        return jdbc.queryForList(
                "SELECT channel, channel_id, attempt, outcome, status_code, error FROM alerting.alert_deliveries"
                        + " WHERE alert_id = ? ORDER BY channel_id, attempt",
                alert.alertId());
    }

    private List<Instant> attemptTimes(AlertTriggered alert) {
        return jdbc
                .queryForList(
                        "SELECT attempted_at FROM alerting.alert_deliveries WHERE alert_id = ? ORDER BY attempt",
                        java.sql.Timestamp.class,
                        alert.alertId())
                .stream()
                .map(java.sql.Timestamp::toInstant)
                .toList();
    }

    private static boolean deadLettered(AlertTriggered alert) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DeliveryTopics.DEAD_LETTERS));
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(3))) {
                if (record.value().contains(alert.alertId().toString())) {
                    return true;
                }
            }
            return false;
        }
    }
}
