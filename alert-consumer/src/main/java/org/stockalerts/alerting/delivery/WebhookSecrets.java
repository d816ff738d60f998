package org.stockalerts.alerting.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.stockalerts.common.secrets.SecretBox;

/**
 * Opens a webhook channel's stored secrets when a request is signed. Sealed secrets open with the
 * key (and old keys) of {@code STOCKALERTS_SECRETS_KEY}, bound to the channel's id as api-service
 * sealed them; a plain one (a row api-service has not resealed since an upgrade from a version
 * before V7) is used as it is.
 */
@Component
@RequiredArgsConstructor
public class WebhookSecrets {

    private final SecretBox box;

    /**
     * The secrets that sign a request made at {@code now}: the channel's own first, then, while the
     * overlap of its last rotation runs (strictly before its expiry), the one it replaced.
     *
     * @throws org.stockalerts.common.secrets.SecretBoxException when a sealed secret does not open
     */
    List<String> signing(Channel channel, Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(open(channel.secret(), channel.id()));
        if (channel.previousSecret() != null
                && channel.previousSecretExpiresAt() != null
                && now.isBefore(channel.previousSecretExpiresAt())) {
            secrets.add(open(channel.previousSecret(), channel.id()));
        }
        return secrets;
    }

    /**
     * Where to send to {@code channel}: its address, or for a type whose address is itself a secret (a chat webhook,
     * a bot token, an ntfy topic), the address sealed in its secret; the stored address is only its masked form.
     *
     * @throws org.stockalerts.common.secrets.SecretBoxException when the sealed address does not open
     */
    String address(Channel channel) {
        return channel.type().secretAddress() ? open(channel.secret(), channel.id()) : channel.address();
    }

    private String open(String stored, UUID channelId) {
        return SecretBox.isSealed(stored) ? box.open(stored, channelId.toString()) : stored;
    }
}
