package org.stockalerts.common.kafka;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads instants as Jackson's own {@link InstantDeserializer} does, with a fast path for the one
 * form every event carries, UTC ISO-8601 as {@link DateTimeFormatter#ISO_INSTANT} writes it
 * ({@code 2026-03-02T14:30:00Z}, {@code 2026-03-02T14:30:00.123456Z}): parsing that with the
 * general formatter cost more than the rest of a tick's decoding. Anything else (offsets, other
 * forms, numbers, errors) goes through the general path unchanged.
 */
final class IsoInstantDeserializer extends InstantDeserializer<Instant> {

    IsoInstantDeserializer() {
        super(InstantDeserializer.INSTANT, DateTimeFormatter.ISO_INSTANT);
    }

    @Override
    protected Instant _fromString(JsonParser parser, DeserializationContext context, String text)
            throws JacksonException {
        Instant fast = parseUtc(text);
        return fast != null ? fast : super._fromString(parser, context, text);
    }

    /**
     * {@code text} as an instant when it is {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a valid date
     * and time, else null.
     */
    static Instant parseUtc(String text) {
        return CanonicalText.instant(text.toCharArray(), 0, text.length());
    }
}
