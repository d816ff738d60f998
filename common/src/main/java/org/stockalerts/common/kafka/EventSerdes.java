package org.stockalerts.common.kafka;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka serdes for the event records, for Kafka Streams topologies and typed clients. */
public final class EventSerdes {

    private EventSerdes() {}

    /** JSON serde of {@code type}. */
    public static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(new JsonEventSerializer<>(), new JsonEventDeserializer<>(type));
    }

    /** JSON serde of the value type of {@code topic}. */
    public static <T> Serde<T> of(TopicSpec<T> topic) {
        return of(topic.valueType());
    }
}
