package org.stockalerts.alerting.delivery;

import java.util.UUID;
import org.stockalerts.common.event.ChannelType;

/**
 * A notification channel as the API stores it, secret included. {@link #toString()} leaves the
 * secret out, so a channel can never leak it into a log line.
 *
 * @param secret the webhook signing secret ({@code whsec_…}); null for e-mail
 */
public record Channel(UUID id, UUID userId, ChannelType type, String address, String secret, boolean enabled) {

    @Override
    public String toString() {
        return "Channel[id=" + id + ", userId=" + userId + ", type=" + type + ", enabled=" + enabled + "]";
    }
}
