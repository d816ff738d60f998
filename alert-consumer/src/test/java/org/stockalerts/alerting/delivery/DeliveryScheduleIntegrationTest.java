package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.stockalerts.alerting.AlertConsumerApplication;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelReenabled;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.DeliveryReplayRequested;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.ConsumerProgress;
import org.stockalerts.testsupport.RealInfrastructure;
import org.stockalerts.testsupport.TestKafka;
import org.stockalerts.testsupport.WithServiceSchemas;

/**
 * The long tail of the retry schedule, webhook disabling and replay, on the real broker and database.
 * alert-consumer runs as an application context of its own, so a test can stop it and start it again.
 * Its schedule is one short retry on Kafka (300 ms), then an hour's wait in the database, which a
 * test brings forward by moving the parked retry's due time. It runs in a JVM of its own (alert-consumer's
 * pom): the delivery listeners of contexts cached by other tests would share its consumer groups.
 */
@WithServiceSchemas("api")
class DeliveryScheduleIntegrationTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static ConfigurableApplicationContext service;

    private final SwitchableReceiver receiver = new SwitchableReceiver();

    @BeforeAll
    static void start() {
        SMTP.start();
        service = started();
    }

    @AfterAll
    static void stop() {
        service.close();
        SMTP.stop();
    }

    @BeforeEach
    void startReceiver() throws Exception {
        DeliveryFixtures.started(receiver.server);
    }

    @AfterEach
    void stopReceiver() {
        receiver.server.close();
    }

    @Test
    void retriesFromTheDatabaseAfterTheServiceRestarts() throws Exception {
        // Given a user whose webhook answers 503
        UUID user = DeliveryFixtures.user(jdbc());
        DeliveryFixtures.webhook(jdbc(), user, receiver.server, DeliveryFixtures.newSecret());
        receiver.answer(503);
        AlertTriggered alert = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");

        // When the alert fires and both Kafka attempts fail
        publish(Topics.ALERTS_TRIGGERED.name(), user, alert);

        // Then the third attempt waits in the database, about an hour ahead
        await().atMost(WAIT).until(() -> parkedAttempt(alert) == 3);
        assertThat(outcomes(alert)).containsExactly("RETRYING", "RETRYING");

        // When the service stops, the receiver recovers, the service starts again and the hour passes
        service.close();
        receiver.answer(200);
        service = started();
        assertThat(parkedAttempt(alert)).isEqualTo(3);
        jdbc().update("UPDATE alerting.delivery_retries SET due_at = now() WHERE alert_id = ?", alert.alertId());

        // Then the parked attempt is made and delivers the same message (same webhook-id), once
        await().atMost(WAIT).until(() -> outcomes(alert).contains("DELIVERED"));
        assertThat(outcomes(alert)).containsExactly("RETRYING", "RETRYING", "DELIVERED");
        assertThat(receiver.ids()).hasSize(3).containsOnly(alert.alertId().toString());
        await().atMost(WAIT).until(() -> parkedAttempt(alert) == 0);
    }

    @Test
    void makesATargetsParkedRetriesAtOnceWhenAProbeClosesItsCircuit() throws Exception {
        // Given a webhook that answers 503, and an alert whose Kafka attempts failed: its third attempt
        // waits in the database, an hour ahead
        UUID user = DeliveryFixtures.user(jdbc());
        DeliveryFixtures.webhook(jdbc(), user, receiver.server, DeliveryFixtures.newSecret());
        receiver.answer(503);
        AlertTriggered parked = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");
        publish(Topics.ALERTS_TRIGGERED.name(), user, parked);
        await().atMost(WAIT).until(() -> parkedAttempt(parked) == 3);

        // When a second alert's first attempt fails too (the third failure in a row opens the circuit)
        // and the receiver recovers
        AlertTriggered probe = DeliveryFixtures.webhookAlert(user, "AAPL rose above 210.00");
        publish(Topics.ALERTS_TRIGGERED.name(), user, probe);
        await().atMost(WAIT).until(() -> outcomes(probe).size() >= 2);
        receiver.answer(200);

        // Then the second alert's retry, deferred by the open circuit, probes it once the open period is
        // over and gets through; that closes the circuit, and the first alert's parked attempt is made at
        // once, not an hour later
        await().atMost(WAIT).until(() -> outcomes(probe).contains("DELIVERED"));
        await().atMost(WAIT).until(() -> outcomes(parked).contains("DELIVERED"));
        assertThat(outcomes(parked)).containsExactly("RETRYING", "RETRYING", "DELIVERED");
        assertThat(outcomes(probe).getLast()).isEqualTo("DELIVERED");
        await().atMost(WAIT).until(() -> parkedAttempt(parked) == 0 && parkedAttempt(probe) == 0);
    }

    @Test
    void disablesAWebhookThatAnswersGoneTellsTheUserAndDeliversAgainOnceReenabled() throws Exception {
        // Given a user with a webhook that answers 410 Gone and an e-mail address
        UUID user = DeliveryFixtures.user(jdbc());
        UUID webhook = UUID.randomUUID();
        DeliveryFixtures.webhook(jdbc(), user, receiver.server, DeliveryFixtures.newSecret(), webhook);
        String email = "notice-" + user + "@example.com";
        DeliveryFixtures.channel(jdbc(), user, ChannelType.EMAIL, email, null);
        receiver.answer(410);
        AlertTriggered first = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");

        // When an alert fires
        publish(Topics.ALERTS_TRIGGERED.name(), user, first);

        // Then the webhook is disabled at once, after one attempt, and the user is told by e-mail
        await().atMost(WAIT).until(() -> disabledReason(webhook) != null);
        assertThat(disabledReason(webhook)).contains("410");
        await().atMost(WAIT).until(() -> outcomes(first).equals(List.of("FAILED")));
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessagesForDomain(email).length == 1);
        assertThat(SMTP.getReceivedMessagesForDomain(email)[0].getSubject())
                .isEqualTo("Stock alerts: your webhook was disabled");

        // When another alert fires
        AlertTriggered second = DeliveryFixtures.webhookAlert(user, "AAPL rose above 210.00");
        publish(Topics.ALERTS_TRIGGERED.name(), user, second);

        // Then it is not sent: skipped because the webhook is disabled
        await().atMost(WAIT).until(() -> outcomes(second).equals(List.of("SKIPPED")));
        assertThat(receiver.ids()).hasSize(1);

        // When the receiver works again and the user re-enables the webhook
        receiver.answer(200);
        publish(
                Topics.USER_EVENTS.name(),
                user,
                new ChannelReenabled(
                        UUID.randomUUID(), Instant.now(), ChannelReenabled.CURRENT_VERSION, user, webhook));
        await().atMost(WAIT).until(() -> disabledReason(webhook) == null);

        // Then the next alert is delivered
        AlertTriggered third = DeliveryFixtures.webhookAlert(user, "AAPL rose above 220.00");
        publish(Topics.ALERTS_TRIGGERED.name(), user, third);
        await().atMost(WAIT).until(() -> outcomes(third).equals(List.of("DELIVERED")));
        assertThat(SMTP.getReceivedMessagesForDomain(email)).hasSize(1);
    }

    @Test
    void replaysAFailedDeliveryOnceAsTheSameMessage() throws Exception {
        // Given an alert its webhook refused (400: no retry)
        UUID user = DeliveryFixtures.user(jdbc());
        UUID webhook = UUID.randomUUID();
        DeliveryFixtures.webhook(jdbc(), user, receiver.server, DeliveryFixtures.newSecret(), webhook);
        receiver.answer(400);
        AlertTriggered alert = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");
        publish(Topics.ALERTS_TRIGGERED.name(), user, alert);
        await().atMost(WAIT).until(() -> outcomes(alert).equals(List.of("FAILED")));

        // When the receiver is fixed and the user asks for a replay, twice
        receiver.answer(200);
        DeliveryReplayRequested replay = new DeliveryReplayRequested(
                UUID.randomUUID(),
                Instant.now(),
                DeliveryReplayRequested.CURRENT_VERSION,
                user,
                webhook,
                ChannelType.WEBHOOK,
                alert);
        publish(Topics.USER_EVENTS.name(), user, replay);
        publish(Topics.USER_EVENTS.name(), user, replay);
        await().atMost(WAIT)
                .until(() -> ConsumerProgress.caughtUp(
                        TestKafka.bootstrapServers(), DeliveryCommands.GROUP, Topics.USER_EVENTS.name()));

        // Then it is sent once more, as the same message, and delivered once
        assertThat(outcomes(alert)).containsExactly("FAILED", "DELIVERED");
        assertThat(receiver.ids())
                .containsExactly(alert.alertId().toString(), alert.alertId().toString());
    }

    private static ConfigurableApplicationContext started() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AlertConsumerApplication.class)
                .initializers(new RealInfrastructure())
                // as arguments: they outrank application.yml, which default properties would not
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                        "--stockalerts.delivery.allowed-hosts=127.0.0.1,localhost",
                        "--stockalerts.delivery.first-attempt-timeout=2s",
                        "--stockalerts.delivery.schedule=300ms,1h",
                        "--stockalerts.delivery.kafka-retries=1",
                        "--stockalerts.delivery.breaker-open-for=2s",
                        "--stockalerts.delivery.retry-poll-interval=200ms",
                        "--stockalerts.delivery.partitions=3");
        try {
            DeliveryFixtures.awaitPartitionsAssigned(context.getBean(KafkaListenerEndpointRegistry.class), WAIT);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return context;
    }

    private static JdbcTemplate jdbc() {
        return service.getBean(JdbcTemplate.class);
    }

    @SuppressWarnings("unchecked")
    private static void publish(String topic, UUID user, Object event) throws Exception {
        KafkaOperations<Object, Object> kafka = service.getBean(KafkaOperations.class);
        kafka.send(topic, user.toString(), event).get(10, TimeUnit.SECONDS);
    }

    private static List<String> outcomes(AlertTriggered alert) {
        return jdbc().queryForList(
                        "SELECT outcome FROM alerting.alert_deliveries WHERE alert_id = ? ORDER BY attempt",
                        String.class,
                        alert.alertId());
    }

    private static int parkedAttempt(AlertTriggered alert) {
        List<Integer> attempts = jdbc().queryForList(
                        "SELECT attempt FROM alerting.delivery_retries WHERE alert_id = ?",
                        Integer.class,
                        alert.alertId());
        return attempts.isEmpty() ? 0 : attempts.getFirst();
    }

    private static String disabledReason(UUID channelId) {
        List<Map<String, Object>> rows = jdbc().queryForList(
                        "SELECT disabled_reason FROM alerting.endpoint_states WHERE channel_id = ?", channelId);
        return rows.isEmpty() ? null : (String) rows.getFirst().get("disabled_reason");
    }

    /** A webhook receiver whose answer a test switches, recording the webhook-id of every request. */
    private static final class SwitchableReceiver {

        final MockWebServer server = new MockWebServer();
        private final AtomicInteger status = new AtomicInteger(200);
        private final List<String> ids = new CopyOnWriteArrayList<>();

        SwitchableReceiver() {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    ids.add(request.getHeaders().get("webhook-id"));
                    return new MockResponse.Builder().code(status.get()).build();
                }
            });
        }

        void answer(int code) {
            status.set(code);
        }

        List<String> ids() {
            return List.copyOf(ids);
        }
    }
}
