package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;

class WebhookSenderTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"plain-secret", "whsec_not*base64"})
    void refusesAChannelWhoseSecretCannotSignForGoodWithoutCallingIt(String secret) {
        // Given an allowed receiver whose stored secret cannot sign
        DestinationPolicy policy = new DestinationPolicy(List.of("127.0.0.1"), host -> {
            throw new UnknownHostException(host);
        });
        WebhookSender sender = new WebhookSender(HttpClient.newHttpClient(), policy, Clock.systemUTC());
        AlertTriggered alert = DeliveryFixtures.webhookAlert(UUID.randomUUID(), "AAPL at 150");
        Channel channel = new Channel(
                UUID.randomUUID(), alert.userId(), ChannelType.WEBHOOK, "http://127.0.0.1:9/hook", secret, true);

        // When the alert is sent through it
        SendResult result = sender.send(alert, channel, Duration.ofMillis(100));

        // Then it is refused for good, naming the reason without the secret, and nothing is retried
        assertThat(result.kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(result.error()).contains("webhook secret").doesNotContain("plain-secret", "not*base64");
        assertThat(result.statusCode()).isNull();
    }
}
