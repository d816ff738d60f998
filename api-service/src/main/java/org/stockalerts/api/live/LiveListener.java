package org.stockalerts.api.live;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.stereotype.Component;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.Topics;

/**
 * Feeds the open streams of this instance. It reads every partition of both topics itself (manual
 * assignment, no consumer group, offsets never committed), starting at the end, so every instance
 * sees every alert and tick from the moment it starts and no rebalance or group coordinator can
 * hold the stream up. An alert's SSE id is its record's partition and offset (its cursor). What a client
 * missed before it connected comes from the stored history instead. A tick dated outside the {@link
 * TickTimeBound} is refused, so no stream shows it as the latest price: the container's error
 * handler skips and counts it ({@link LivePoison}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LiveListener {

    private final LiveHub hub;
    private final TickTimeBound bound;

    @KafkaListener(
            id = "api-live-alerts",
            containerPostProcessor = LiveConfiguration.NEVER_COMMIT,
            topicPartitions =
                    @TopicPartition(
                            topic = Topics.Names.ALERTS_TRIGGERED,
                            partitions = Topics.Names.ALL_PARTITIONS,
                            partitionOffsets =
                                    @PartitionOffset(partition = "*", initialOffset = "0", seekPosition = "END")))
    public void onAlert(ConsumerRecord<String, AlertTriggered> record) {
        hub.publish(new AlertCursor(record.partition(), record.offset()), record.value());
    }

    @KafkaListener(
            id = "api-live-ticks",
            containerPostProcessor = LiveConfiguration.NEVER_COMMIT_UNTRACED,
            topicPartitions =
                    @TopicPartition(
                            topic = Topics.Names.STOCK_PRICES,
                            partitions = Topics.Names.ALL_PARTITIONS,
                            partitionOffsets =
                                    @PartitionOffset(partition = "*", initialOffset = "0", seekPosition = "END")))
    public void onTick(PriceTick tick) {
        hub.publish(bound.check(tick, Topics.STOCK_PRICES.name()));
    }
}
