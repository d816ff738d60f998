package org.stockalerts.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A command: send {@code alert} once more to the user's channel {@code channelId}. The delivery service
 * makes one attempt, as a new attempt of the same message (for a webhook, the same webhook-id), unless
 * the alert already reached that channel.
 *
 * @param channel the channel's type, as it was when the replay was asked for
 */
public record DeliveryReplayRequested(
        UUID eventId,
        Instant occurredAt,
        int version,
        UUID userId,
        UUID channelId,
        ChannelType channel,
        AlertTriggered alert)
        implements UserEvent {

    public static final int CURRENT_VERSION = 1;

    public DeliveryReplayRequested {
        version = Require.event(
                eventId, occurredAt, version, "userId, channelId, channel, alert", userId, channelId, channel, alert);
        if (!alert.userId().equals(userId)) {
            throw new IllegalArgumentException("the alert is not the user's");
        }
    }
}
