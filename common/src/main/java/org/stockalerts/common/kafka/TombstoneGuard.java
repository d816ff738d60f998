package org.stockalerts.common.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Refuses, before a record listener sees it, a tombstone on a topic of ours that is not compacted
 * ({@link Tombstones}): the container hands the {@link MalformedEventException} to its error
 * handler, which dead-letters the record without retrying. A null value that stands for a record
 * the {@code ErrorHandlingDeserializer} could not read is left to the container, which reports that
 * failure itself.
 */
public class TombstoneGuard implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (record.value() == null
                && record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
            Tombstones.refuse(record.topic());
        }
        return record;
    }
}
