package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.secrets.SecretsSettings;

class WebhookSenderTest {

    private final DestinationPolicy policy = new DestinationPolicy(List.of("127.0.0.1"), host -> {
        throw new UnknownHostException(host);
    });
    private final WebhookSender sender = new WebhookSender(
            HttpClient.newHttpClient(), policy, new WebhookSecrets(DeliveryFixtures.SECRETS), Clock.systemUTC());
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

    private Channel channel(UUID id, String stored) {
        return new Channel(
                id, alert.userId(), ChannelType.WEBHOOK, "http://127.0.0.1:9/hook", stored, null, null, true);
    }
}
