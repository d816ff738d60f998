package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.UserEvent;

class TopicsTest {

    @Test
    void everyTopicHasAUniqueName() {
        // When the declared topics are listed
        // Then each of the six appears once
        assertThat(Topics.ALL)
                .extracting(TopicSpec::name)
                .doesNotHaveDuplicates()
                .containsExactly(
                        "stock-prices",
                        "alert-rules",
                        "user-events",
                        "alerts-triggered",
                        "stock-analytics",
                        "feed-status");
    }

    @Test
    void alertRulesIsCompactedAndTheOthersExpire() {
        // When the topic configs are read
        // Then alert-rules keeps the latest rule per key, the other topics delete by age
        assertThat(Topics.ALERT_RULES.configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(Topics.ALL).filteredOn(topic -> topic != Topics.ALERT_RULES).allSatisfy(topic -> {
            assertThat(topic.configs()).doesNotContainKey(TopicConfig.CLEANUP_POLICY_CONFIG);
            assertThat(topic.configs()).containsKey(TopicConfig.RETENTION_MS_CONFIG);
        });
        assertThat(Topics.STOCK_PRICES.configs())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 60 * 60 * 1000));
        // and only alert-rules says it is compacted, so only there is a tombstone a delete
        assertThat(Topics.ALL).filteredOn(TopicSpec::compacted).containsExactly(Topics.ALERT_RULES);
        assertThat(Tombstones.refused(Topics.ALERT_RULES.name())).isFalse();
        assertThat(Tombstones.refused(Topics.USER_EVENTS.name())).isTrue();
        assertThat(Tombstones.refused(Topics.ALERTS_TRIGGERED.deadLetterTopic()))
                .isFalse();
    }

    @Test
    void declaresPartitionCountsAndValueTypes() {
        // When the topic declarations are read
        // Then they have the agreed partitions and carry the agreed types
        assertThat(Topics.STOCK_PRICES.partitions()).isEqualTo(6);
        assertThat(Topics.ALERT_RULES.partitions()).isEqualTo(6);
        assertThat(Topics.ALL)
                .allSatisfy(topic -> assertThat(topic.partitions()).isPositive());
        assertThat(Topics.STOCK_PRICES.valueType()).isEqualTo(PriceTick.class);
        assertThat(Topics.ALERT_RULES.valueType()).isEqualTo(AlertRuleChanged.class);
        assertThat(Topics.USER_EVENTS.valueType()).isEqualTo(UserEvent.class);
        assertThat(Topics.FEED_STATUS.valueType()).isEqualTo(FeedStatusChanged.class);
        // and feed-status is co-partitioned with stock-prices: the engine reads both in one task per symbol
        assertThat(Topics.FEED_STATUS.partitions()).isEqualTo(Topics.STOCK_PRICES.partitions());
    }

    @Test
    void findsEachTopicByItsNameAndNothingElse() {
        // When each declared name, a dead-letter name and an unknown name are looked up
        // Then only the declared names are found, each as its own topic
        assertThat(Topics.ALL)
                .allSatisfy(topic -> assertThat(Topics.byName(topic.name())).containsSame(topic));
        assertThat(Topics.byName("stock-prices.DLT")).isEmpty();
        assertThat(Topics.byName("Stock-Prices")).isEmpty();
        assertThat(Topics.byName("unknown")).isEmpty();
    }

    @Test
    void deadLetterTopicsAreTheTopicNameWithDotDlt() {
        // When the dead-letter topics are named
        // Then each is the topic's name plus .DLT, and none is itself a declared topic
        assertThat(Topics.ALL).allSatisfy(topic -> {
            assertThat(topic.deadLetterTopic()).isEqualTo(topic.name() + ".DLT").endsWith(TopicSpec.DEAD_LETTER_SUFFIX);
            assertThat(Topics.byName(topic.deadLetterTopic())).isEmpty();
        });
        assertThat(Topics.ALERTS_TRIGGERED.deadLetterTopic()).isEqualTo("alerts-triggered.DLT");
    }
}
