package org.stockalerts.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.kafka.JsonEventDeserializer;
import org.stockalerts.common.kafka.Topics;

/** stock-analytics as its consumers see it: read_committed, every partition from the beginning to its end. */
final class AnalyticsTopic {

    private AnalyticsTopic() {}

    /** Each bar's latest revision on the topic (a symbol's events are in one partition, in publication order). */
    static Map<BarOutcome.Key, BarOutcome> latestBars(String bootstrapServers) {
        try (KafkaConsumer<String, AnalyticsUpdated> consumer = new KafkaConsumer<>(
                TopicSink.readCommitted(bootstrapServers),
                new StringDeserializer(),
                new JsonEventDeserializer<>(AnalyticsUpdated.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topics.STOCK_ANALYTICS.partitions(); p++) {
                partitions.add(new TopicPartition(Topics.STOCK_ANALYTICS.name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed: the end offsets are the last stable offsets
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<AnalyticsUpdated> events = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, AnalyticsUpdated> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        events.add(record.value());
                    }
                }
            }
            return BarOutcome.latest(events);
        }
    }
}
