package org.stockalerts.common.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The full, current set of a user's notification channels after a change (a snapshot). */
public record ChannelsChanged(UUID eventId, Instant occurredAt, int version, UUID userId, List<ChannelTarget> channels)
        implements UserEvent {

    public static final int CURRENT_VERSION = 1;

    public ChannelsChanged {
        version = Require.event(eventId, occurredAt, version, "userId", userId);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
