package org.stockalerts.common.kafka;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link PriceTick}, the record every consumer reads most, straight from the token stream
 * and calls its constructor directly. It reads only the form events are written in (each field of
 * its JSON type, instants as UTC ISO-8601); for anything else, including every invalid tick, it
 * answers null and the caller reads the bytes through the general mapping, so results and error
 * reasons are exactly those of the general mapping.
 */
final class PriceTickReader {

    private final JsonMapper mapper;

    PriceTickReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The tick, or null when {@code json} is not in the written form or not a valid tick. */
    PriceTick read(byte[] json) {
        try (JsonParser parser = mapper.createParser(json)) {
            return read(parser);
        } catch (JacksonException | IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    private static PriceTick read(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        UUID eventId = null;
        Instant occurredAt = null;
        int version = 0;
        Symbol symbol = null;
        BigDecimal price = null;
        Long volume = null;
        BigDecimal dayOpen = null;
        BigDecimal dayHigh = null;
        BigDecimal dayLow = null;
        BigDecimal previousClose = null;
        TickSource source = null;
        Instant observedAt = null;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "eventId" -> eventId = UUID.fromString(text(parser, token));
                case "occurredAt" -> occurredAt = instant(parser, token);
                case "version" -> version = Math.toIntExact(integer(parser, token));
                case "symbol" -> symbol = Symbol.of(text(parser, token));
                case "price" -> price = decimal(parser, token);
                case "volume" -> volume = token == JsonToken.VALUE_NULL ? null : (long) integer(parser, token);
                case "dayOpen" -> dayOpen = decimal(parser, token);
                case "dayHigh" -> dayHigh = decimal(parser, token);
                case "dayLow" -> dayLow = decimal(parser, token);
                case "previousClose" -> previousClose = decimal(parser, token);
                case "source" -> source = TickSource.fromWire(text(parser, token));
                case "observedAt" -> observedAt = instant(parser, token);
                default -> parser.skipChildren();
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return null;
        }
        return new PriceTick(
                eventId,
                occurredAt,
                version,
                symbol,
                price,
                volume,
                dayOpen,
                dayHigh,
                dayLow,
                previousClose,
                source,
                observedAt);
    }

    private static String text(JsonParser parser, JsonToken token) {
        if (token != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not a string");
        }
        return parser.getString();
    }

    private static Instant instant(JsonParser parser, JsonToken token) {
        Instant instant = IsoInstantDeserializer.parseUtc(text(parser, token));
        if (instant == null) {
            throw new IllegalArgumentException("not a UTC instant");
        }
        return instant;
    }

    private static long integer(JsonParser parser, JsonToken token) {
        if (token != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() != JsonParser.NumberType.INT
                        && parser.getNumberType() != JsonParser.NumberType.LONG) {
            throw new IllegalArgumentException("not an integer");
        }
        return parser.getLongValue();
    }

    private static BigDecimal decimal(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("not a number");
        }
        return parser.getDecimalValue();
    }
}
