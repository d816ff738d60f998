package org.stockalerts.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A ticker symbol, validated and upper-cased once: {@code Symbol.of(" aapl ")} is {@code AAPL}.
 * Letters, digits, '.' and '-' (e.g. {@code BRK.B}, {@code RDS-A}), at most 15 characters.
 */
public record Symbol(String value) implements Comparable<Symbol> {

    /** Longest symbol accepted. */
    public static final int MAX_LENGTH = 15;

    public Symbol {
        Require.present(value, "symbol");
        if (!valid(value)) {
            throw new IllegalArgumentException("invalid symbol '" + value + "': expected 1-" + MAX_LENGTH
                    + " letters, digits, '.' or '-', starting with a letter or digit");
        }
    }

    /** {@code [A-Z0-9][A-Z0-9.-]{0,14}}, checked by hand: a symbol is validated on every tick read. */
    private static boolean valid(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean alphanumeric = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!alphanumeric && (i == 0 || c != '.' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /** Trims and upper-cases {@code raw}, then validates it. */
    @JsonCreator
    public static Symbol of(String raw) {
        Require.present(raw, "symbol");
        return new Symbol(raw.strip().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
