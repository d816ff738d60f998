package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.alerting.clock.CheckedClocks;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.testsupport.SettingsBinding;

/** A receiver must not be able to bounce a delivery to an internal address with a redirect. */
class WebhookRedirectTest {

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void doesNotFollowARedirectToAnInternalAddress(int status) throws IOException {
        try (MockWebServer receiver = DeliveryFixtures.started(new MockWebServer());
                MockWebServer internal = DeliveryFixtures.started(new MockWebServer())) {
            // Given an allow-listed receiver that redirects to an internal service
            internal.enqueue(DeliveryFixtures.accepted());
            receiver.enqueue(new MockResponse.Builder()
                    .code(status)
                    .setHeader("Location", "http://127.0.0.1:" + internal.getPort() + "/latest/meta-data/")
                    .build());
            DestinationPolicy policy = new DestinationPolicy(List.of("127.0.0.1"), host -> {
                throw new UnknownHostException(host);
            });
            WebhookSender sender = new WebhookSender(
                    new DeliveryConfiguration()
                            .webhookHttpClient(
                                    SettingsBinding.bind(DeliverySettings.class),
                                    new SimpleMeterRegistry(),
                                    ObservationRegistry.NOOP),
                    policy,
                    new WebhookSecrets(DeliveryFixtures.SECRETS),
                    CheckedClocks.checked(Clock.systemUTC()));
            AlertTriggered alert = DeliveryFixtures.webhookAlert(UUID.randomUUID(), "AAPL at 150");
            Channel channel = new Channel(
                    UUID.randomUUID(),
                    alert.userId(),
                    ChannelType.WEBHOOK,
                    "http://127.0.0.1:" + receiver.getPort() + "/hook",
                    DeliveryFixtures.newSecret(),
                    null,
                    null,
                    true);

            // When the alert is delivered
            SendResult result = sender.send(alert, channel, Duration.ofSeconds(10));

            // Then the redirect is the final answer and the internal service is never called
            assertThat(result.kind()).as(result.toString()).isEqualTo(SendResult.Kind.PERMANENT);
            assertThat(result.statusCode()).isEqualTo(status);
            assertThat(receiver.getRequestCount()).isEqualTo(1);
            assertThat(internal.getRequestCount()).isZero();
        }
    }
}
