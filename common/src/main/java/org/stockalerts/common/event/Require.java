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

    /**
     * Checks each value as {@link #present} does, the first missing one failing; {@code names} lists
     * the fields of {@code values} in the same order, separated by commas.
     */
    public static void allPresent(String names, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                present(null, fieldName(names, i, values.length));
            }
        }
    }

    /** Checks each value as {@link #positive} does; {@code names} as in {@link #allPresent}. */
    public static void allPositive(String names, BigDecimal... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].signum() <= 0) {
                positive(values[i], fieldName(names, i, values.length));
            }
        }
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
    private static int eventHeader(UUID eventId, Instant occurredAt, int version) {
        present(eventId, "eventId");
        present(occurredAt, "occurredAt");
        if (version < 0) {
            throw new IllegalArgumentException("field 'version' must not be negative, was " + version);
        }
        return version == 0 ? 1 : version;
    }

    /**
     * Checks the header as {@link #eventHeader} does, then the event's own required fields as {@link
     * #allPresent} does, and answers the schema version to record.
     */
    public static int event(UUID eventId, Instant occurredAt, int version, String requiredFields, Object... values) {
        int recorded = eventHeader(eventId, occurredAt, version);
        allPresent(requiredFields, values);
        return recorded;
    }

    /** The name of value {@code index}; looked up only on failure, as ticks are built on the hot path. */
    private static String fieldName(String names, int index, int valueCount) {
        String[] fields = names.split(",");
        if (fields.length != valueCount) {
            throw new IllegalStateException(fields.length + " field names for " + valueCount + " values: " + names);
        }
        return fields[index].strip();
    }
}
