package org.stockalerts.common.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapping of events: unknown fields ignored, numbers read as BigDecimal, big decimals
 * written as plain JSON numbers, instants and durations as ISO-8601 strings, nulls omitted.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .addModule(new SimpleModule("stock-alerts-fast-paths")
                    .addDeserializer(Instant.class, new IsoInstantDeserializer())
                    .addDeserializer(Symbol.class, new TextValueDeserializer<>(Symbol.class, Symbol::of))
                    .addDeserializer(
                            TickSource.class, new TextValueDeserializer<>(TickSource.class, TickSource::fromWire)))
            .build();

    private static final PriceTickDeserializer TICKS = new PriceTickDeserializer();

    private EventJson() {}

    /** The shared mapper; thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Writes an event as UTF-8 JSON. */
    public static byte[] write(Object event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * Reads {@code json} as a {@code type}.
     *
     * @throws MalformedEventException naming {@code topic} and the reason when the bytes are not
     *     valid JSON, have a field of the wrong type, or lack a required field
     */
    public static <T> T read(byte[] json, Class<T> type, String topic) {
        if (json.length == 0) {
            throw new MalformedEventException(topic, "empty record value", null);
        }
        if (type == PriceTick.class) {
            PriceTick tick = TICKS.readCanonical(json);
            if (tick != null) {
                return type.cast(tick);
            }
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedEventException(topic, reasonOf(e, type), e);
        }
    }

    /** Reads a UTF-8 JSON string; see {@link #read(byte[], Class, String)}. */
    public static <T> T read(String json, Class<T> type, String topic) {
        return read(json.getBytes(StandardCharsets.UTF_8), type, topic);
    }

    private static String reasonOf(JacksonException e, Class<?> type) {
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        String path = e instanceof DatabindException databind ? databind.getPathReference() : null;
        String message = e.getOriginalMessage();
        if (path == null || path.isEmpty()) {
            return "not a valid " + type.getSimpleName() + ": " + message;
        }
        return "not a valid " + type.getSimpleName() + " at " + shortPath(path) + ": " + message;
    }

    private static String shortPath(String path) {
        return path.replaceAll("[a-zA-Z0-9_.$]*\\.(\\w+)\\[", "$1[");
    }
}
