package org.stockalerts.persistence.ingest;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Telling data PostgreSQL will never accept from failures that pass. */
public final class SqlErrors {

    /** Digits before the decimal point that a numeric(24, 8) column holds. */
    private static final int NUMERIC_INTEGER_DIGITS = 16;

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {}

    /**
     * Whether {@code failure} was caused by the data itself (SQLSTATE class 22, data exception, or
     * 23, integrity constraint violation, or a value the writer could not encode), so retrying the
     * same rows can never succeed. Anything else (connection lost, server shutting down, out of
     * resources) may pass.
     */
    public static boolean isBadData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnwritableRecordException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23");
            }
        }
        return false;
    }

    /** Whether {@code failure} is, or was caused by, a unique violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The message of the first SQL error (or unwritable value) in {@code failure}'s causes. */
    public static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof UnwritableRecordException) {
                return t.getMessage();
            }
        }
        return failure.getMessage();
    }

    /** A refusal when {@code value} lies outside what a timestamptz column holds (4714 BC to 294276 AD). */
    public static Optional<String> timestampOutOfRange(Instant value, String field) {
        if (value != null
                && (value.getEpochSecond() < BinaryCopy.MIN_TIMESTAMP_EPOCH_SECOND
                        || value.getEpochSecond() >= BinaryCopy.END_TIMESTAMP_EPOCH_SECOND)) {
            return Optional.of("field '" + field + "' is outside the range of a timestamp: " + value);
        }
        return Optional.empty();
    }

    /** A refusal when {@code value} has more integer digits than a numeric(24, 8) column holds. */
    public static Optional<String> numericOverflow(BigDecimal value, String field) {
        if (value != null && value.precision() - value.scale() > NUMERIC_INTEGER_DIGITS) {
            return Optional.of("field '" + field + "' has more than " + NUMERIC_INTEGER_DIGITS
                    + " digits before the decimal point: " + value.toPlainString());
        }
        return Optional.empty();
    }
}
