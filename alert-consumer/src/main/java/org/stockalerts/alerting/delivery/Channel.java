package org.stockalerts.alerting.delivery;

import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.ChannelType;

/**
 * A notification channel as the API stores it, secrets included in their stored form: sealed
 * ({@code enc1:…}, opened by {@link WebhookSecrets}) or, for a row api-service has not resealed since
 * an upgrade from a version before V7, plain. {@link #toString()} leaves the secrets out, so a channel
 * can never leak them into a log line.
 *
 * @param secret the webhook signing secret as stored; null for e-mail
 * @param previousSecret the secret a rotation replaced, as stored; null when there is none
 * @param previousSecretExpiresAt until when {@code previousSecret} still signs; null with it
 */
public record Channel(
        UUID id,
        UUID userId,
        ChannelType type,
        String address,
        String secret,
        String previousSecret,
        Instant previousSecretExpiresAt,
        boolean enabled) {

    @Override
    public String toString() {
        return "Channel[id=" + id + ", userId=" + userId + ", type=" + type + ", enabled=" + enabled + "]";
    }
}
