package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.alerting.clock.CheckedClock;
import org.stockalerts.alerting.clock.CheckedClocks;
import org.stockalerts.alerting.clock.ClockReading;
import org.stockalerts.alerting.clock.ClockUncheckedException;
import org.stockalerts.alerting.clock.HostClock;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.secrets.SecretsSettings;
import org.stockalerts.testsupport.MutableClock;
import tools.jackson.databind.JsonNode;

class WebhookSenderTest {

    private final DestinationPolicy policy = new DestinationPolicy(List.of("127.0.0.1"), host -> {
        throw new UnknownHostException(host);
    });
    private final WebhookSender sender = new WebhookSender(
            HttpClient.newHttpClient(),
            policy,
            new WebhookSecrets(DeliveryFixtures.SECRETS),
            CheckedClocks.checked(Clock.systemUTC()));
    private static final Duration SIX_MINUTES = Duration.ofMinutes(6);

    private final AlertTriggered alert = DeliveryFixtures.webhookAlert(UUID.randomUUID(), "AAPL at 150");

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"plain-secret", "whsec_not*base64"})
    void refusesAChannelWhoseSecretCannotSignForGoodWithoutCallingIt(String secret) {
        // Given an allowed receiver whose stored secret cannot sign
        UUID id = UUID.randomUUID();
        String stored = secret == null ? null : DeliveryFixtures.SECRETS.seal(secret, id.toString());

        // When the alert is sent through it
        SendResult result = sender.send(alert, channel(id, stored), Duration.ofMillis(100));

        // Then it is refused for good, naming the reason without the secret, and nothing is retried
        assertThat(result.kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(result.error()).contains("webhook secret").doesNotContain("plain-secret", "not*base64");
        assertThat(result.statusCode()).isNull();
    }

    @Test
    void refusesASecretSealedWithAKeyItDoesNotHaveForGoodWithoutCallingIt() {
        // Given a channel whose secret was sealed with a key this service was not given
        UUID id = UUID.randomUUID();
        String secret = DeliveryFixtures.newSecret();
        String stored = new SecretsSettings(SecretsSettings.DEVELOPMENT_KEY, List.of())
                .box()
                .seal(secret, id.toString());

        // When the alert is sent through it
        SendResult result = sender.send(alert, channel(id, stored), Duration.ofMillis(100));

        // Then it is refused for good, naming the missing key id, never the secret
        assertThat(result.kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(result.error())
                .contains("webhook secret cannot be opened", "not configured")
                .doesNotContain(secret.substring("whsec_".length()));
    }

    @Test
    void signsWithTheReferenceTimeWhenTheHostClockRunsSixMinutesAhead() throws Exception {
        try (MockWebServer receiver = DeliveryFixtures.started(new MockWebServer())) {
            // Given a host clock six minutes ahead, measured so against the reference just now
            receiver.enqueue(DeliveryFixtures.accepted());
            Instant reference = Instant.parse("2026-12-04T06:00:00Z");
            MutableClock host = new MutableClock(reference.plus(SIX_MINUTES));
            CheckedClock clock = new CheckedClock(new HostClock(host), CheckedClocks.SETTINGS);
            clock.record(new ClockReading("test", SIX_MINUTES, Duration.ofMillis(2), host.instant()));

            // When an alert is sent
            SendResult result = senderOn(clock).send(alert, signedChannel(receiver), Duration.ofSeconds(5));

            // Then the signature's timestamp is the reference's time, not the host's
            assertThat(result.kind()).isEqualTo(SendResult.Kind.DELIVERED);
            RecordedRequest request = receiver.takeRequest();
            assertThat(request.getHeaders().get("webhook-timestamp"))
                    .isEqualTo(Long.toString(reference.getEpochSecond()));
        }
    }

    @Test
    void theBodyCarriesTheAlertWithTheEnginesReceipt() throws Exception {
        try (MockWebServer receiver = DeliveryFixtures.started(new MockWebServer())) {
            // Given an alert with its receipt
            receiver.enqueue(DeliveryFixtures.accepted());
            AlertTriggered explained = AlertDraft.alert()
                    .user(alert.userId())
                    .channels(ChannelType.WEBHOOK)
                    .receipt(AlertDraft.receipt(Instant.parse("2026-03-05T15:31:07Z")))
                    .build();

            // When it is sent
            sender.send(explained, signedChannel(receiver), Duration.ofSeconds(5));

            // Then the body's data has the receipt
            JsonNode data = EventJson.mapper()
                    .readTree(receiver.takeRequest().getBody().utf8())
                    .get("data");
            assertThat(data.get("receipt").get("previousValue").decimalValue()).isEqualByComparingTo("199.80");
            assertThat(data.get("receipt").get("after").get("armed").asBoolean())
                    .isFalse();
        }
    }

    @Test
    void pausesWithoutCallingTheReceiverWhileASkewedClockIsNoLongerMeasured() throws Exception {
        try (MockWebServer receiver = DeliveryFixtures.started(new MockWebServer())) {
            // Given a host clock measured six minutes ahead, three minutes ago (fresh for two)
            receiver.enqueue(DeliveryFixtures.accepted());
            MutableClock host = new MutableClock(Instant.parse("2026-12-04T06:06:00Z"));
            CheckedClock clock = new CheckedClock(new HostClock(host), CheckedClocks.SETTINGS);
            clock.record(new ClockReading("test", SIX_MINUTES, Duration.ofMillis(2), host.instant()));
            host.advance(Duration.ofMinutes(3));
            WebhookSender paused = senderOn(clock);
            Channel channel = signedChannel(receiver);

            // When an alert is sent, then it waits (as for a database outage) and nothing was sent
            assertThatThrownBy(() -> paused.send(alert, channel, Duration.ofSeconds(5)))
                    .isInstanceOf(ClockUncheckedException.class)
                    .hasMessageContaining("PT6M");
            assertThat(receiver.getRequestCount()).isZero();
        }
    }

    private WebhookSender senderOn(CheckedClock clock) {
        return new WebhookSender(
                HttpClient.newHttpClient(), policy, new WebhookSecrets(DeliveryFixtures.SECRETS), clock);
    }

    private Channel signedChannel(MockWebServer receiver) {
        UUID id = UUID.randomUUID();
        String stored = DeliveryFixtures.SECRETS.seal(DeliveryFixtures.newSecret(), id.toString());
        return new Channel(
                id,
                alert.userId(),
                ChannelType.WEBHOOK,
                "http://127.0.0.1:" + receiver.getPort() + "/hook",
                stored,
                null,
                null,
                true);
    }

    private Channel channel(UUID id, String stored) {
        return new Channel(
                id, alert.userId(), ChannelType.WEBHOOK, "http://127.0.0.1:9/hook", stored, null, null, true);
    }
}
