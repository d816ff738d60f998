package org.stockalerts.analytics.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.stockalerts.common.event.PriceTick;

/**
 * Event time of a tick is when it was observed at the source, not when it was produced; stream
 * time, and so the closing of bars, follows it. A record without a tick keeps the partition's time.
 */
final class TickTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof PriceTick tick) {
            return tick.observedAt().toEpochMilli();
        }
        return partitionTime >= 0 ? partitionTime : record.timestamp();
    }
}
