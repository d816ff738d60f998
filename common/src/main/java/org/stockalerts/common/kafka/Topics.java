package org.stockalerts.common.kafka;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.UserEvent;

/** Every topic of the system, declared once. Services refer to these constants, never to names. */
public final class Topics {

    /**
     * Partitions of each topic: the most consumers one group can spread over, and a compile-time
     * constant so that listeners can name every partition ({@link Names#ALL_PARTITIONS}).
     */
    public static final int PARTITIONS = 6;

    /** Price ticks keyed by symbol. */
    public static final TopicSpec<PriceTick> STOCK_PRICES =
            new TopicSpec<>(Names.STOCK_PRICES, PARTITIONS, PriceTick.class, retention(Duration.ofDays(7)));

    /** Alert rule definitions keyed by ruleId; compacted, so it always holds every live rule. */
    public static final TopicSpec<AlertRuleChanged> ALERT_RULES = new TopicSpec<>(
            Names.ALERT_RULES,
            PARTITIONS,
            AlertRuleChanged.class,
            Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                    String.valueOf(Duration.ofMinutes(1).toMillis())));

    /** User, portfolio and channel events keyed by userId. */
    public static final TopicSpec<UserEvent> USER_EVENTS =
            new TopicSpec<>(Names.USER_EVENTS, PARTITIONS, UserEvent.class, retention(Duration.ofDays(30)));

    /** Fired alerts keyed by userId. */
    public static final TopicSpec<AlertTriggered> ALERTS_TRIGGERED =
            new TopicSpec<>(Names.ALERTS_TRIGGERED, PARTITIONS, AlertTriggered.class, retention(Duration.ofDays(30)));

    /** Closed bars and signal changes keyed by symbol. */
    public static final TopicSpec<AnalyticsUpdated> STOCK_ANALYTICS =
            new TopicSpec<>(Names.STOCK_ANALYTICS, PARTITIONS, AnalyticsUpdated.class, retention(Duration.ofDays(30)));

    /**
     * A symbol's market-data feed going blind or coming back, keyed by symbol (co-partitioned with {@link
     * #STOCK_PRICES}); written by the market-data poller that leads.
     */
    public static final TopicSpec<FeedStatusChanged> FEED_STATUS =
            new TopicSpec<>(Names.FEED_STATUS, PARTITIONS, FeedStatusChanged.class, retention(Duration.ofDays(30)));

    /** All topics, in the order above. */
    public static final List<TopicSpec<?>> ALL =
            List.of(STOCK_PRICES, ALERT_RULES, USER_EVENTS, ALERTS_TRIGGERED, STOCK_ANALYTICS, FEED_STATUS);

    /** How long dead-lettered records are kept for operators to inspect and replay. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    private Topics() {}

    /**
     * The topic names as compile-time constants, for annotations ({@code @KafkaListener(topics =
     * Topics.Names.STOCK_PRICES)}); everything else uses the {@link TopicSpec}s above.
     */
    public static final class Names {
        public static final String STOCK_PRICES = "stock-prices";
        public static final String ALERT_RULES = "alert-rules";
        public static final String USER_EVENTS = "user-events";
        public static final String ALERTS_TRIGGERED = "alerts-triggered";
        public static final String STOCK_ANALYTICS = "stock-analytics";
        public static final String FEED_STATUS = "feed-status";

        /**
         * alert-consumer's delivery tasks: its own topic, not in {@link Topics#ALL}; its retry topics and
         * its dead-letter topic are named after it.
         */
        public static final String DELIVERY_REQUESTS = ALERTS_TRIGGERED + ".deliveries";

        /** Every partition of a topic, as {@code @TopicPartition(partitions = …)} takes them. */
        public static final String ALL_PARTITIONS = "0-" + (PARTITIONS - 1);

        private Names() {}
    }

    /**
     * Every dead-letter topic of the system: {@code <topic>.DLT} of each topic in {@link #ALL} and of
     * {@link Names#DELIVERY_REQUESTS}.
     */
    public static Set<String> deadLetterTopics() {
        Set<String> names = new LinkedHashSet<>();
        ALL.forEach(topic -> names.add(topic.deadLetterTopic()));
        names.add(Names.DELIVERY_REQUESTS + TopicSpec.DEAD_LETTER_SUFFIX);
        return Collections.unmodifiableSet(names);
    }

    /** The topic named {@code name}, if it is one of ours. */
    public static Optional<TopicSpec<?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private static Map<String, String> retention(Duration retention) {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
    }
}
