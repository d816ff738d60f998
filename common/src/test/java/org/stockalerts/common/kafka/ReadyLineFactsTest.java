package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.junit.jupiter.api.Test;

/** What the ready line and the rebalance line say of topics and partitions. */
class ReadyLineFactsTest {

    @Test
    void aTopologysSourceTopicsLeaveOutItsRepartitionTopics() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("stock-prices", Consumed.with(Serdes.String(), Serdes.String()))
                .selectKey((key, value) -> value)
                .groupByKey(Grouped.as("ticks-by-symbol"))
                .count();
        builder.globalTable("alert-rules", Consumed.with(Serdes.String(), Serdes.String()));

        assertThat(StreamsReadyFacts.sourceTopics(builder.build().describe()))
                .containsExactly("alert-rules", "stock-prices");
    }

    @Test
    void partitionsAreListedByTopicInOrder() {
        List<TopicPartition> partitions = List.of(
                new TopicPartition("stock-prices", 2),
                new TopicPartition("alerts-triggered", 1),
                new TopicPartition("stock-prices", 0));

        assertThat(AssignmentLog.compact(partitions)).isEqualTo("alerts-triggered[1] stock-prices[0,2]");
        assertThat(AssignmentLog.compact(List.of())).isEmpty();
    }
}
