package org.stockalerts.api.idempotency;

/**
 * The value of an {@code Idempotency-Key} header. The IETF draft makes it a structured-field string
 * ({@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}); the bare form most clients send (Stripe's) is
 * accepted too. Either way the key is 1 to {@value #MAX_LENGTH} printable ASCII characters.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    /** @throws IllegalArgumentException (a 400) for an empty, too long or unprintable key */
    static IdempotencyKey parse(String header) {
        String value = isQuoted(header) ? unquote(header) : header;
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    HEADER + " must hold 1 to " + MAX_LENGTH + " characters, e.g. a random UUID");
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException(HEADER + " may hold printable ASCII characters only");
        }
        return new IdempotencyKey(value);
    }

    private static boolean isQuoted(String header) {
        return header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"");
    }

    /** A structured-field string: inside the quotes only {@code \"} and {@code \\} are escapes. */
    private static String unquote(String header) {
        StringBuilder value = new StringBuilder(header.length());
        for (int i = 1; i < header.length() - 1; i++) {
            char c = header.charAt(i);
            if (c == '\\'
                    && i + 1 < header.length() - 1
                    && (header.charAt(i + 1) == '"' || header.charAt(i + 1) == '\\')) {
                c = header.charAt(++i);
            } else if (c == '\\' || c == '"') {
                throw new IllegalArgumentException(HEADER + " is not a valid structured-field string");
            }
            value.append(c);
        }
        return value.toString();
    }
}
