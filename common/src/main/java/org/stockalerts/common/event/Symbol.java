package org.stockalerts.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * How many distinct symbols {@link #of} shares: an engine holds each of its rules' symbols, so a
     * million rules on a few thousand symbols keep a few thousand objects instead of a million; symbols
     * past this many (from a producer sending junk) are made afresh instead of filling the heap.
     */
    static final int SHARED_MAX = 1 << 16;

    private static final ConcurrentHashMap<String, Symbol> SHARED = new ConcurrentHashMap<>();

    /** Trims and upper-cases {@code raw}, then validates it; equal symbols are the same object (up to {@link #SHARED_MAX}). */
    @JsonCreator
    public static Symbol of(String raw) {
        Require.present(raw, "symbol");
        Symbol known = SHARED.get(raw);
        if (known != null) {
            return known;
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        known = SHARED.get(value);
        if (known != null) {
            return known;
        }
        Symbol symbol = new Symbol(value);
        if (SHARED.size() < SHARED_MAX) {
            Symbol raced = SHARED.putIfAbsent(value, symbol);
            return raced == null ? symbol : raced;
        }
        return symbol;
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
