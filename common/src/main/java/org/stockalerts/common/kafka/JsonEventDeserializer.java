package org.stockalerts.common.kafka;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads JSON events. Constructed with a type it reads that type from any topic; constructed
 * without one it reads the value type that {@link Topics} declares for the record's topic. A null
 * value (a tombstone) reads as null on a compacted or unknown topic and is refused on any other of
 * ours ({@link Tombstones}); anything unreadable raises {@link MalformedEventException}.
 */
public class JsonEventDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    /** Reads each topic's declared value type. */
    public JsonEventDeserializer() {
        this(null);
    }

    /** Reads {@code type} whatever the topic. */
    public JsonEventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return Tombstones.read(topic);
        }
        return EventJson.read(data, targetType(topic), topic);
    }

    @SuppressWarnings("unchecked")
    private Class<T> targetType(String topic) {
        if (type != null) {
            return type;
        }
        return (Class<T>) Topics.byName(topic)
                .map(TopicSpec::valueType)
                .orElseThrow(
                        () -> new MalformedEventException(topic, "no event type is declared for this topic", null));
    }
}
