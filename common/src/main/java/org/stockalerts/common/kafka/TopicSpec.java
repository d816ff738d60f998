package org.stockalerts.common.kafka;

import java.util.Map;

/**
 * A topic of the system: its name, partition count, the type of its values and its topic configs.
 *
 * @param valueType the record type written to the topic (for {@code user-events} the sealed
 *     {@code UserEvent} interface)
 */
public record TopicSpec<T>(String name, int partitions, Class<T> valueType, Map<String, String> configs) {

    /** Suffix of every dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /** Name of the topic failed records of this one are sent to. */
    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }

    @Override
    public String toString() {
        return name;
    }
}
