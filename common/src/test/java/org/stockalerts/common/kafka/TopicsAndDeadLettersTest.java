package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TopicsAndDeadLettersTest {

    @Test
    void declaresEveryTopicOnceWithItsPartitionsAndConfigs() {
        assertThat(Topics.ALL)
                .extracting(TopicSpec::name)
                .doesNotHaveDuplicates()
                .containsExactly("stock-prices", "alert-rules", "user-events", "alerts-triggered", "stock-analytics");
        assertThat(Topics.STOCK_PRICES.partitions()).isEqualTo(6);
        assertThat(Topics.ALERT_RULES.partitions()).isEqualTo(6);
        assertThat(Topics.ALERT_RULES.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.ALL)
                .allSatisfy(topic -> assertThat(topic.deadLetterTopic()).isEqualTo(topic.name() + ".DLT"));
    }

    @Test
    void findsTopicsByName() {
        assertThat(Topics.byName("user-events")).contains(Topics.USER_EVENTS);
        assertThat(Topics.byName("user-events.DLT")).isEmpty();
    }

    @Test
    void reasonOfAMalformedRecordNamesTopicPartitionOffsetAndReason() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("stock-prices", 4, 99L, "AAPL", new byte[] {1});
        Exception wrapped = new RuntimeException(
                "listener failed", new MalformedEventException("stock-prices", "missing required field 'price'", null));

        assertThat(DeadLetters.reason(record, wrapped))
                .isEqualTo("malformed record on stock-prices partition 4 offset 99: missing required field 'price'");
    }

    @Test
    void reasonOfAnyOtherFailureNamesItsRootCause() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("alerts-triggered", 1, 7L, "u", new byte[] {1});
        Exception failure = new IllegalStateException("outer", new SerializationException("inner cause"));

        assertThat(DeadLetters.reason(record, failure))
                .isEqualTo(
                        "failed record on alerts-triggered partition 1 offset 7: SerializationException: inner cause");
    }
}
