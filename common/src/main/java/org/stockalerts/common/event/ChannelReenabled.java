package org.stockalerts.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A user re-enabled a webhook channel that the delivery service had disabled after failures (or a
 * 410 Gone): deliveries to it start again, and it is judged afresh.
 */
public record ChannelReenabled(UUID eventId, Instant occurredAt, int version, UUID userId, UUID channelId)
        implements UserEvent {

    public static final int CURRENT_VERSION = 1;

    public ChannelReenabled {
        version = Require.event(eventId, occurredAt, version, "userId, channelId", userId, channelId);
    }
}
