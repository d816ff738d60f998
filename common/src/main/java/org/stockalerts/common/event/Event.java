package org.stockalerts.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Every event on every topic carries a unique id, the instant it occurred (UTC) and the schema
 * version it was written with. Readers ignore fields they do not know, so adding a field is a
 * compatible change; removing or re-typing one needs a new version.
 */
public interface Event {

    /** Unique id of this event; sinks use it to drop redeliveries. */
    UUID eventId();

    /** When the event occurred, in UTC. */
    Instant occurredAt();

    /** Schema version of the record this event was written with. */
    int version();
}
