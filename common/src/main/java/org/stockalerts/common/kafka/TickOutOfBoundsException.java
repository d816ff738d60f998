package org.stockalerts.common.kafka;

/**
 * A tick dated outside the {@link TickTimeBound}: readable, but refused like a malformed record, so
 * every consumer dead-letters it with the reason (e.g. {@code observedAt 2026-12-03T21:00:00Z is
 * 1h ahead of now (2026-12-03T20:00:00Z); at most PT1M allowed}).
 */
public class TickOutOfBoundsException extends MalformedEventException {

    public TickOutOfBoundsException(String topic, String reason) {
        super(topic, reason, null);
    }
}
