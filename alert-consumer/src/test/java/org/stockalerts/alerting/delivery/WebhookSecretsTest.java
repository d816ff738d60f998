package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.secrets.SecretBoxException;

class WebhookSecretsTest {

    private static final Instant ROTATED_UNTIL = Instant.parse("2026-06-02T12:00:00Z");

    private final WebhookSecrets secrets = new WebhookSecrets(DeliveryFixtures.SECRETS);
    private final UUID id = UUID.randomUUID();
    private final String current = DeliveryFixtures.newSecret();
    private final String previous = DeliveryFixtures.newSecret();

    @Test
    void signsWithTheNewSecretFirstAndTheReplacedOneWhileTheOverlapRuns() {
        // Given a channel whose secret was rotated, the old one valid until ROTATED_UNTIL
        Channel channel = rotated(seal(current), seal(previous));

        // Then before the expiry both sign, the new one first; from the expiry on only the new one
        assertThat(secrets.signing(channel, ROTATED_UNTIL.minus(Duration.ofHours(23))))
                .containsExactly(current, previous);
        assertThat(secrets.signing(channel, ROTATED_UNTIL.minusNanos(1))).containsExactly(current, previous);
        assertThat(secrets.signing(channel, ROTATED_UNTIL)).containsExactly(current);
        assertThat(secrets.signing(channel, ROTATED_UNTIL.plus(Duration.ofDays(1))))
                .containsExactly(current);
    }

    @Test
    void signsWithTheOneSecretOfAChannelNeverRotated() {
        Channel channel = new Channel(
                id, UUID.randomUUID(), ChannelType.WEBHOOK, "https://example.com/h", seal(current), null, null, true);

        assertThat(secrets.signing(channel, ROTATED_UNTIL)).containsExactly(current);
    }

    @Test
    void usesAPlainSecretNotResealedYetAsItIs() {
        // A row written before V7 that api-service has not sealed yet still signs
        Channel channel = rotated(current, null);

        assertThat(secrets.signing(channel, ROTATED_UNTIL)).containsExactly(current);
    }

    @Test
    void refusesASecretSealedForAnotherChannel() {
        // A sealed secret copied from another channel's row does not open here
        Channel channel =
                rotated(DeliveryFixtures.SECRETS.seal(current, UUID.randomUUID().toString()), null);

        assertThatThrownBy(() -> secrets.signing(channel, ROTATED_UNTIL)).isInstanceOf(SecretBoxException.class);
    }

    private String seal(String secret) {
        return DeliveryFixtures.SECRETS.seal(secret, id.toString());
    }

    private Channel rotated(String storedSecret, String storedPrevious) {
        return new Channel(
                id,
                UUID.randomUUID(),
                ChannelType.WEBHOOK,
                "https://example.com/h",
                storedSecret,
                storedPrevious,
                storedPrevious == null ? null : ROTATED_UNTIL,
                true);
    }
}
