package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.fixtures.TickDraft;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The streaming tick reader reads every record as the shared data-binding reader does, or fails alike. */
class PriceTickDeserializerTest {

    private static final String TOPIC = "stock-prices";
    private static final String[] SYMBOLS = {"AAPL", "msft", " brk.b ", "RDS-A", "X"};

    private final PriceTickDeserializer fast = new PriceTickDeserializer();
    private final JsonEventDeserializer<PriceTick> reference = new JsonEventDeserializer<>(PriceTick.class);

    @Property(tries = 1_000)
    void readsRandomTicksInAnyFieldOrderWithUnknownFieldsAsDataBindingDoes(@ForAll long seed) {
        // Given a random tick as JSON, its fields shuffled, maybe with fields this version does not know
        Random random = new Random(seed);
        byte[] json = shuffled(EventJson.write(randomTick(random)), random);

        // When both readers read it
        PriceTick expected = reference.deserialize(TOPIC, json);
        PriceTick read = fast.deserialize(TOPIC, json);

        // Then they read the same tick, to the scale of every number
        assertThat(read).isEqualTo(expected);
    }

    @Property(tries = 300)
    void readsTheTicksProducersWriteWithoutDataBinding(@ForAll long seed) {
        // Given a tick as a producer writes it
        byte[] json = EventJson.write(randomTick(new Random(seed)));

        // When it is read, then the streaming path alone read it, as data binding does
        assertThat(fast.readCanonical(json)).isNotNull().isEqualTo(reference.deserialize(TOPIC, json));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // other shapes data binding accepts: the general reader reads them
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00+00:00\",\"symbol\":\"AAPL\",\"price\":\"100.5\","
                        + "\"source\":\"SIMULATED\",\"observedAt\":1764084599.5}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AAPL\",\"price\":1e2,"
                        + "\"volume\":12.0,\"source\":\"replay\",\"observedAt\":\"2026-11-25T15:29:59Z\",\"version\":2}",
                "{\"eventId\":\"%s\",\"price\":1,\"price\":2,\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AAPL\","
                        + "\"source\":\"replay\",\"observedAt\":\"2026-11-25T15:29:59Z\"}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AAPL\",\"price\":1,"
                        + "\"source\":\"replay\",\"observedAt\":\"2026-11-25T15:29:59Z\",\"extra\":{\"a\":[1,{\"b\":null}]}}",
                // and what neither accepts: the same refusal, word for word
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AAPL\","
                        + "\"source\":\"simulated\",\"observedAt\":\"2026-11-25T15:29:59Z\"}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AAPL\",\"price\":-1,"
                        + "\"source\":\"simulated\",\"observedAt\":\"2026-11-25T15:29:59Z\"}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AAPL\",\"price\":1,"
                        + "\"volume\":-5,\"source\":\"simulated\",\"observedAt\":\"2026-11-25T15:29:59Z\"}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AA PL\",\"price\":1,"
                        + "\"source\":\"simulated\",\"observedAt\":\"2026-11-25T15:29:59Z\"}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AAPL\",\"price\":1,"
                        + "\"source\":\"bloomberg\",\"observedAt\":\"2026-11-25T15:29:59Z\"}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-02-30T15:30:00Z\",\"symbol\":\"AAPL\",\"price\":1,"
                        + "\"source\":\"simulated\",\"observedAt\":\"2026-11-25T15:29:59Z\"}",
                "{\"eventId\":\"not-a-uuid-%s\",\"price\":1}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AAPL\",\"price\":1,"
                        + "\"source\":\"simulated\",\"observedAt\":\"2026-11-25T15:29:59Z\"} {}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":null,\"price\":1,"
                        + "\"source\":\"simulated\",\"observedAt\":\"2026-11-25T15:29:59Z\",\"version\":-1}",
                "{\"eventId\":\"%s\",\"occurredAt\":\"2026-11-25T15:30:00Z\",\"symbol\":\"AAPL\",\"price\":1,"
                        + "\"source\":\"simulated\",\"observedAt\":\"2026-11-25T15:29:59Z\",\"version\":99999999999}",
                "[\"%s\"]",
                "\"%s\"",
                "{\"eventId\":\"%s\",",
                "%s"
            })
    void readsOrRefusesEveryOtherRecordExactlyAsDataBindingDoes(String template) {
        // Given a record in a shape producers do not write, or one that is not a valid tick
        byte[] json = template.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        // When both readers read it
        Object expected = outcome(() -> reference.deserialize(TOPIC, json));
        Object read = outcome(() -> fast.deserialize(TOPIC, json));

        // Then they read the same tick, or fail with the same exception and message
        assertThat(read).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void readsEmptyAndNullValuesAsDataBindingDoes(int length) {
        byte[] value = length == 0 ? new byte[0] : null;

        assertThat(outcome(() -> fast.deserialize(TOPIC, value)))
                .isEqualTo(outcome(() -> reference.deserialize(TOPIC, value)));
    }

    /** The tick read, or the class and message of the failure. */
    private static Object outcome(ThrowingSupplier read) {
        Throwable failure = catchThrowable(() -> read.get());
        if (failure != null) {
            return failure.getClass().getName() + ": " + failure.getMessage();
        }
        return read.get();
    }

    @FunctionalInterface
    private interface ThrowingSupplier {
        Object get();
    }

    private static PriceTick randomTick(Random random) {
        Instant observed = randomInstant(random);
        TickDraft tick = TickDraft.tick().on(SYMBOLS[random.nextInt(SYMBOLS.length)]);
        tick.eventId = new UUID(random.nextLong(), random.nextLong());
        tick.version = random.nextInt(3);
        tick.price = randomDecimal(random, false);
        tick.volume = random.nextBoolean() ? null : random.nextLong(0, Long.MAX_VALUE);
        tick.dayOpen = randomDecimal(random, true);
        tick.dayHigh = randomDecimal(random, true);
        tick.dayLow = randomDecimal(random, true);
        tick.previousClose = randomDecimal(random, true);
        tick.source = TickSource.values()[random.nextInt(TickSource.values().length)];
        tick.observedAt = observed;
        tick.occurredAt = observed.plusNanos(random.nextInt(5_000_000));
        return tick.build();
    }

    private static Instant randomInstant(Random random) {
        long second = random.nextLong(0, 4_102_444_800L); // 1970 to 2100
        int[] precision = {1_000_000_000, 1_000_000, 1_000, 1};
        int unit = precision[random.nextInt(precision.length)];
        return Instant.ofEpochSecond(second, random.nextInt(1_000_000_000) / unit * unit);
    }

    private static BigDecimal randomDecimal(Random random, boolean nullable) {
        if (nullable && random.nextInt(4) == 0) {
            return null;
        }
        BigInteger unscaled = new BigInteger(1 + random.nextInt(90), random).add(BigInteger.ONE);
        return new BigDecimal(unscaled, random.nextInt(-3, 20));
    }

    /** The JSON object's fields in random order, with unknown fields among them half of the time. */
    private static byte[] shuffled(byte[] json, Random random) {
        ObjectNode tick = (ObjectNode) EventJson.mapper().readTree(json);
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(tick.properties());
        if (random.nextBoolean()) {
            ObjectNode extra = EventJson.mapper().createObjectNode();
            extra.put("note", "added by a later version")
                    .putArray("list")
                    .add(1)
                    .addObject()
                    .putNull("x");
            fields.add(Map.entry("exchange", EventJson.mapper().valueToTree("XNAS")));
            fields.add(Map.entry("details", extra));
        }
        Collections.shuffle(fields, random);
        ObjectNode reordered = EventJson.mapper().createObjectNode();
        fields.forEach(field -> reordered.set(field.getKey(), field.getValue()));
        return EventJson.mapper().writeValueAsBytes(reordered);
    }
}
