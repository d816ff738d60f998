package org.stockalerts.api.outbox;

import java.util.UUID;

/** The relay could not publish an outbox event; it stays in the outbox and is retried. */
public class OutboxPublishException extends RuntimeException {

    public OutboxPublishException(UUID eventId, Throwable cause) {
        super("could not publish outbox event " + eventId, cause);
    }
}
