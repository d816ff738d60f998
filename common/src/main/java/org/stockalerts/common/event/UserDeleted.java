package org.stockalerts.common.event;

import java.time.Instant;
import java.util.UUID;

/** A user deleted their account; their rules are deleted with it. */
public record UserDeleted(UUID eventId, Instant occurredAt, int version, UUID userId) implements UserEvent {

    public static final int CURRENT_VERSION = 1;

    public UserDeleted {
        version = Require.event(eventId, occurredAt, version, "userId", userId);
    }
}
