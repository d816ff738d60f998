package org.stockalerts.persistence.ingest;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Optional;

/** Telling data PostgreSQL will never accept from failures that pass. */
public final class SqlErrors {

    /** Digits before the decimal point that a numeric(24, 8) column holds. */
    private static final int NUMERIC_INTEGER_DIGITS = 16;

    private SqlErrors() {}

    /**
     * Whether {@code failure} was caused by the data itself (SQLSTATE class 22, data exception, or
     * 23, integrity constraint violation), so retrying the same rows can never succeed. Anything
     * else (connection lost, server shutting down, out of resources) may pass.
     */
    public static boolean isBadData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23");
            }
        }
        return false;
    }

    /** The message of the first SQL error in {@code failure}'s causes. */
    public static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getMessage();
            }
        }
        return failure.getMessage();
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
