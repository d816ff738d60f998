package org.stockalerts.common.kafka;

import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Reads a value written as a JSON string through its factory, called directly: the same result
 * and the same error (the factory's message) as a {@code @JsonCreator} factory, without the
 * reflective call that made a symbol or tick source cost as much to read as a price.
 */
final class TextValueDeserializer<T> extends StdScalarDeserializer<T> {

    private final Class<T> type;
    private final Function<String, T> factory;

    TextValueDeserializer(Class<T> type, Function<String, T> factory) {
        super(type);
        this.type = type;
        this.factory = factory;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (T) context.handleUnexpectedToken(type, parser);
        }
        String text = parser.getString();
        try {
            return factory.apply(text);
        } catch (IllegalArgumentException e) {
            throw ValueInstantiationException.from(
                    parser,
                    "Cannot construct instance of " + type.getName() + ": " + e.getMessage(),
                    context.constructType(type),
                    e);
        }
    }
}
