package org.stockalerts.api.seedimport;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reading the seed's values. Numbers are selected as text ({@code ::text}), so a double precision
 * or a numeric column gives exactly the digits the seed shows, none invented by a binary double.
 */
final class SeedValues {

    /** Integer digits numeric(24, 8), the port's price columns, can hold. */
    private static final int MAX_INTEGER_DIGITS = 16;

    private SeedValues() {}

    /** The number {@code text} of {@code field}; refuses none, NaN and the infinities. */
    static BigDecimal decimal(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException("no " + field);
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " " + text + " is not a number");
        }
    }

    /** A history price as the port stores it: positive, and within the port's price columns. */
    static BigDecimal price(String text) {
        BigDecimal price = decimal(text, "price");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price " + text + " is not positive");
        }
        if (price.precision() - price.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("price " + text + " has more than 16 integer digits");
        }
        return price;
    }

    /** The instant of a timestamp column selected as timestamptz. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        if (at == null) {
            throw new IllegalArgumentException("no " + column);
        }
        return at.toInstant();
    }
}
