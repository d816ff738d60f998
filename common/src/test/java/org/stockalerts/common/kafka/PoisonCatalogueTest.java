package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockalerts.common.fixtures.Poison;
import org.stockalerts.common.fixtures.PoisonCatalogue;

/** Each catalogue entry is refused by the shared reader for the reason it names, or read as the catalogue says. */
class PoisonCatalogueTest {

    static Stream<Arguments> entries() {
        return Topics.ALL.stream()
                .flatMap(
                        topic -> PoisonCatalogue.of(topic, "unit").stream().map(poison -> Arguments.of(topic, poison)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("entries")
    void theSharedReaderRefusesEachPoisonForItsReason(TopicSpec<?> topic, Poison poison) {
        // Given the reader every consumer uses, for the topic's records
        JsonEventDeserializer<Object> reader = new JsonEventDeserializer<>();

        // When it reads the entry, Then it refuses a dead-lettered one with the entry's reason
        switch (poison.outcome()) {
            case DEAD_LETTERED ->
                assertThatThrownBy(() -> reader.deserialize(topic.name(), poison.value()))
                        .isInstanceOf(MalformedEventException.class)
                        .hasMessageStartingWith("malformed record on " + topic.name())
                        .hasMessageContaining(poison.reason());
            // and reads a tombstone of a compacted topic as the delete it is
            case VALID_DELETE ->
                assertThat(reader.deserialize(topic.name(), poison.value())).isNull();
            // and the oversized one is a valid event the broker never lets through
            case REFUSED_BY_BROKER -> assertThat(poison.value().length).isGreaterThan(PoisonCatalogue.OVERSIZED_BYTES);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyTopicHasEveryEntryOnce(TopicSpec<?> topic) {
        List<String> names =
                PoisonCatalogue.of(topic, "unit").stream().map(Poison::name).toList();

        assertThat(names)
                .containsExactly(
                        "broken-json",
                        "not-json",
                        "empty",
                        "wrong-type-field",
                        "missing-field",
                        "unknown-event-type",
                        "oversized",
                        "tombstone");
    }

    static Stream<TopicSpec<?>> topics() {
        return Topics.ALL.stream();
    }
}
