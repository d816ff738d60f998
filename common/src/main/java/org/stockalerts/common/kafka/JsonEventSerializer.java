package org.stockalerts.common.kafka;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes events as JSON. Byte arrays pass through unchanged, so the same producer can forward a
 * record it could not read to a dead-letter topic as it arrived.
 */
public class JsonEventSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] raw) {
            return raw;
        }
        return EventJson.write(data);
    }
}
