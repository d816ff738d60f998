package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.stockalerts.alerting.clock.ClockHealthIndicator;
import org.stockalerts.alerting.clock.HostClock;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.WithServiceSchemas;

/**
 * Scenario C10 inside alert-consumer: the service's host clock runs six minutes ahead; PostgreSQL's
 * (the reference, and this test's idea of true time) does not. A receiver that enforces Standard
 * Webhooks' five-minute tolerance against true time still accepts the webhook, and the skew is reported.
 */
@IntegrationTest
@SpringBootTest(
        properties = {
            "stockalerts.delivery.allowed-hosts=127.0.0.1,localhost",
            "stockalerts.delivery.first-attempt-timeout=2s",
            "stockalerts.clock.refresh-interval=1s",
            "stockalerts.clock.max-age=10s"
        })
@WithServiceSchemas("api")
class ClockSkewIntegrationTest {

    private static final Duration AHEAD = Duration.ofMinutes(6);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Standard Webhooks: receivers refuse a timestamp further than this from their own time. */
    private static final long TOLERANCE_SECONDS = 300;

    @TestConfiguration
    static class SixMinutesAhead {

        @Bean
        @Primary
        HostClock sixMinutesAhead() {
            return new HostClock(Clock.offset(Clock.systemUTC(), AHEAD));
        }
    }

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClockHealthIndicator clockHealth;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void deliveryListenersHaveTheirPartitions(@Autowired KafkaListenerEndpointRegistry listeners) {
        DeliveryFixtures.awaitPartitionsAssigned(listeners, WAIT);
    }

    @Test
    void aReceiverOnTrueTimeAcceptsTheWebhookOfAServiceWhoseClockRunsSixMinutesAhead() throws Exception {
        try (MockWebServer receiver = DeliveryFixtures.started(new MockWebServer())) {
            // Given a user with a webhook whose receiver accepts everything
            receiver.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return DeliveryFixtures.accepted();
                }
            });
            UUID user = DeliveryFixtures.user(jdbc);
            String secret = DeliveryFixtures.newSecret();
            DeliveryFixtures.webhook(jdbc, user, receiver, secret);
            AlertTriggered alert = DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00");

            // When an alert fires
            kafka.send(Topics.ALERTS_TRIGGERED.name(), user.toString(), alert).get(10, TimeUnit.SECONDS);

            // Then the receiver gets it (a request meant for an earlier test's receiver on the same port is passed
            // over),
            // signed with a timestamp within a few seconds of true time
            RecordedRequest request = requestFor(receiver, alert);
            long trueNow = referenceEpochSecond();
            String id = request.getHeaders().get("webhook-id");
            long timestamp = Long.parseLong(request.getHeaders().get("webhook-timestamp"));
            byte[] body = request.getBody().toByteArray();
            assertThat(timestamp).isCloseTo(trueNow, within(5L));
            assertThat(Math.abs(trueNow - timestamp)).isLessThanOrEqualTo(TOLERANCE_SECONDS);
            assertThat(request.getHeaders().get("webhook-signature"))
                    .isEqualTo(WebhookSignature.sign(secret, id, timestamp, body));
            assertThat(new String(body, StandardCharsets.UTF_8))
                    .contains(alert.alertId().toString());

            // And the delivery log dates the attempt in true time too
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(jdbc.queryForList(
                                    "SELECT abs(extract(epoch FROM clock_timestamp() - attempted_at))::float8"
                                            + " FROM alerting.alert_deliveries WHERE alert_id = ? AND outcome = 'DELIVERED'",
                                    Double.class,
                                    alert.alertId()))
                            .singleElement()
                            .satisfies(secondsAgo -> assertThat(secondsAgo).isLessThan(10.0)));
        }
    }

    @Test
    void reportsTheSkewInHealthAndMetrics() {
        // Given the service measured its host clock against PostgreSQL's

        // Then health reports it UP, six minutes ahead, against postgresql, freshly measured
        await().atMost(WAIT).untilAsserted(() -> {
            Health health = clockHealth.health();
            Map<String, Object> details = health.getDetails();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(details).containsEntry("status", "FRESH").containsEntry("reference", "postgresql");
            assertThat(Duration.parse((String) details.get("skew")).minus(AHEAD).abs())
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(details).containsKeys("measuredAt", "roundTrip");
        });

        // And the gauge says 360 seconds
        assertThat(meters.get("stockalerts.clock.skew").gauge().value()).isCloseTo(360.0, within(1.0));
        assertThat(meters.get("stockalerts.clock.measurement.age").gauge().value())
                .isBetween(0.0, 10.0);
    }

    private static RecordedRequest requestFor(MockWebServer receiver, AlertTriggered alert) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            RecordedRequest request = receiver.takeRequest(1, TimeUnit.SECONDS);
            if (request != null
                    && alert.alertId().toString().equals(request.getHeaders().get("webhook-id"))) {
                return request;
            }
        }
        throw new AssertionError("no webhook for " + alert.alertId() + " within " + WAIT);
    }

    private long referenceEpochSecond() {
        return jdbc.queryForObject("SELECT floor(extract(epoch FROM clock_timestamp()))::bigint", Long.class);
    }
}
