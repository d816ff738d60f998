package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Argument checks shared by the event records; failures name the offending field. */
public final class Require {

    private Require() {}

    /** Fails with "missing required field 'name'" when {@code value} is null. */
    public static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing required field '" + name + "'");
        }
        return value;
    }

    /** Fails unless {@code value} is present and strictly positive. */
    public static BigDecimal positive(BigDecimal value, String name) {
        present(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("field '" + name + "' must be positive, was " + value);
        }
        return value;
    }

    /** Fails unless {@code value} is absent or not negative. */
    public static BigDecimal notNegative(BigDecimal value, String name) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("field '" + name + "' must not be negative, was " + value);
        }
        return value;
    }

    /**
     * Checks the fields every {@link Event} carries and answers the schema version to record: an
     * absent version (0) means the first one.
     */
    public static int eventHeader(UUID eventId, Instant occurredAt, int version) {
        present(eventId, "eventId");
        present(occurredAt, "occurredAt");
        if (version < 0) {
            throw new IllegalArgumentException("field 'version' must not be negative, was " + version);
        }
        return version == 0 ? 1 : version;
    }
}
