package org.stockalerts.common.event;

import java.time.Instant;
import java.util.UUID;

/** A user registered (or changed their name or email: the latest event wins). */
public record UserRegistered(UUID eventId, Instant occurredAt, int version, UUID userId, String name, String email)
        implements UserEvent {

    public static final int CURRENT_VERSION = 1;

    public UserRegistered {
        version = Require.event(eventId, occurredAt, version, "userId, name", userId, name);
    }
}
