package org.stockalerts.common.kafka;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;

/**
 * Reads {@code stock-prices} records as {@link PriceTick}s with Jackson's streaming parser, several
 * times faster than data binding (and what {@link EventJson#read} itself uses for ticks): ids, instants and symbols are read straight from the parser's
 * characters, and symbols already seen are not validated again. Only the shape every producer
 * writes is read this way (an object of the tick's fields, ids as 36-character strings, instants
 * as {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, numbers as JSON numbers; unknown fields are
 * skipped). Anything else, and anything the tick refuses, is read again by {@link EventJson}, so a
 * record reads as the same tick, or fails with the same {@code MalformedEventException}, either way.
 */
public class PriceTickDeserializer implements Deserializer<PriceTick> {

    private static final int KNOWN_SYMBOLS = 100_000;

    private final TokenStreamFactory json = EventJson.mapper().tokenStreamFactory();
    private final Map<String, Symbol> symbols = new ConcurrentHashMap<>();
    private final TickTimeBound bound;

    /** Reads every tick, whenever it was observed (for history, tools and internal topics). */
    public PriceTickDeserializer() {
        this(null);
    }

    /**
     * Reads ticks and refuses, with a {@link org.stockalerts.common.kafka.TickOutOfBoundsException},
     * those observed outside {@code bound}; what every consumer of {@code stock-prices} uses.
     */
    public PriceTickDeserializer(TickTimeBound bound) {
        this.bound = bound;
    }

    @Override
    public PriceTick deserialize(String topic, byte[] data) {
        if (data == null) {
            return Tombstones.read(topic);
        }
        PriceTick read = data.length == 0 ? null : readCanonical(data);
        PriceTick tick = read != null ? read : EventJson.read(data, PriceTick.class, topic);
        return bound == null ? tick : bound.check(tick, topic);
    }

    /** The tick, or null when the record is not in the canonical shape or is refused. */
    PriceTick readCanonical(byte[] data) {
        try (JsonParser json = this.json.createParser(ObjectReadContext.empty(), data)) {
            return json.nextToken() == JsonToken.START_OBJECT ? readFields(json) : null;
        } catch (NotCanonical | JacksonException | IllegalArgumentException e) {
            // not the usual shape, or refused by the tick: data binding reads it, or says why not
            return null;
        }
    }

    private PriceTick readFields(JsonParser json) {
        Fields tick = new Fields();
        for (String name = json.nextName(); name != null; name = json.nextName()) {
            tick.read(name, json.nextToken(), json);
        }
        if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
            return null;
        }
        return tick.build();
    }

    /** The fields of one tick as they are read; each may appear once. */
    private final class Fields {

        private int seen;
        private UUID eventId;
        private Instant occurredAt;
        private int version;
        private Symbol symbol;
        private BigDecimal price;
        private Long volume;
        private BigDecimal dayOpen;
        private BigDecimal dayHigh;
        private BigDecimal dayLow;
        private BigDecimal previousClose;
        private TickSource source;
        private Instant observedAt;

        /** Reads the value of field {@code name}; throws {@link NotCanonical} when it is not in the canonical shape. */
        void read(String name, JsonToken value, JsonParser json) {
            switch (name) {
                case "eventId" -> eventId = uuid(first(0, value), json);
                case "occurredAt" -> occurredAt = instant(first(1, value), json);
                case "version" -> version = intValue(first(2, value), json);
                case "symbol" -> symbol = symbol(string(first(3, value), json));
                case "price" -> price = decimal(first(4, value), json);
                case "volume" -> volume = longValue(first(5, value), json);
                case "dayOpen" -> dayOpen = decimal(first(6, value), json);
                case "dayHigh" -> dayHigh = decimal(first(7, value), json);
                case "dayLow" -> dayLow = decimal(first(8, value), json);
                case "previousClose" -> previousClose = decimal(first(9, value), json);
                case "source" -> source = source(string(first(10, value), json));
                case "observedAt" -> observedAt = instant(first(11, value), json);
                default -> json.skipChildren();
            }
        }

        /** {@code value}, unless field {@code index} was read before (left to data binding's rules). */
        private JsonToken first(int index, JsonToken value) {
            if ((seen & (1 << index)) != 0) {
                throw NotCanonical.INSTANCE;
            }
            seen |= 1 << index;
            return value;
        }

        PriceTick build() {
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
    }

    private static String string(JsonToken value, JsonParser json) {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> json.getString();
            default -> throw NotCanonical.INSTANCE;
        };
    }

    private Symbol symbol(String raw) {
        if (raw == null) {
            return null;
        }
        Symbol known = symbols.get(raw);
        if (known == null) {
            known = Symbol.of(raw);
            if (symbols.size() >= KNOWN_SYMBOLS) {
                symbols.clear();
            }
            symbols.put(raw, known);
        }
        return known;
    }

    private static TickSource source(String wireName) {
        if (wireName == null) {
            return null;
        }
        return switch (wireName) {
            case "alphavantage" -> TickSource.ALPHAVANTAGE;
            case "simulated" -> TickSource.SIMULATED;
            case "replay" -> TickSource.REPLAY;
            case "finnhub" -> TickSource.FINNHUB;
            case "alpaca" -> TickSource.ALPACA;
            default -> throw NotCanonical.INSTANCE;
        };
    }

    private static int intValue(JsonToken value, JsonParser json) {
        if (value != JsonToken.VALUE_NUMBER_INT || json.getNumberType() != JsonParser.NumberType.INT) {
            throw NotCanonical.INSTANCE;
        }
        return json.getIntValue();
    }

    private static Long longValue(JsonToken value, JsonParser json) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw NotCanonical.INSTANCE;
        }
        return json.getLongValue();
    }

    private static BigDecimal decimal(JsonToken value, JsonParser json) {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal plain = CanonicalText.decimal(
                        json.getStringCharacters(), json.getStringOffset(), json.getStringLength());
                yield plain != null ? plain : json.getDecimalValue();
            }
            default -> throw NotCanonical.INSTANCE;
        };
    }

    private static UUID uuid(JsonToken value, JsonParser json) {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING ->
                canonical(
                        CanonicalText.uuid(json.getStringCharacters(), json.getStringOffset(), json.getStringLength()));
            default -> throw NotCanonical.INSTANCE;
        };
    }

    private static Instant instant(JsonToken value, JsonParser json) {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING ->
                canonical(CanonicalText.instant(
                        json.getStringCharacters(), json.getStringOffset(), json.getStringLength()));
            default -> throw NotCanonical.INSTANCE;
        };
    }

    private static <T> T canonical(T parsed) {
        if (parsed == null) {
            throw NotCanonical.INSTANCE;
        }
        return parsed;
    }

    /** A value outside the canonical shape; thrown without a stack trace, caught in {@link #readCanonical}. */
    private static final class NotCanonical extends RuntimeException {

        static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super("not in the canonical shape", null, false, false);
        }
    }
}
