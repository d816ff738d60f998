package org.stockalerts.common.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the shared Kafka plumbing ({@code stockalerts.kafka.*}, e.g. the environment
 * variable {@code STOCKALERTS_KAFKA_REPLICATION_FACTOR}).
 *
 * @param replicationFactor replication factor of the topics created at start-up (1 on a single broker)
 * @param createTopics whether a service creates missing topics when it starts
 * @param listenerRetries how often a listener retries a record that failed with a retryable error
 *     before it goes to the dead-letter topic
 * @param listenerRetryBackoff the wait between two of those retries
 * @param consumerSessionTimeout how long a group waits for a listener's consumer that stopped heartbeating
 *     (its process killed, paused or cut off) before its partitions move to the other members, or to the
 *     restarted process's new consumers; within the broker's default bounds (6 s to 30 min). The heartbeat
 *     is a third of it. Kafka's own default, 45 s, left a killed alert-consumer's deliveries unassigned
 *     for up to 45 s after its restart. The Streams clients have their own
 *     ({@link StreamsClientSettings#sessionTimeout()}).
 */
@Validated
@ConfigurationProperties(KafkaSettings.PREFIX)
public record KafkaSettings(
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("2") @PositiveOrZero int listenerRetries,
        @DefaultValue("500ms") Duration listenerRetryBackoff,

        @DefaultValue("10s") @NotNull @DurationMin(seconds = 6) @DurationMax(minutes = 30)
        Duration consumerSessionTimeout) {

    public static final String PREFIX = "stockalerts.kafka";

    /** The name {@code @EnableConfigurationProperties} gives this bean: prefix, dash, class name. */
    public static final String BEAN_NAME = PREFIX + "-org.stockalerts.common.kafka.KafkaSettings";

    /**
     * The bound replication factor, for annotation attributes that take an expression (such as
     * {@code @RetryableTopic(replicationFactor = ...)}), so the default stays on this record alone.
     */
    public static final String REPLICATION_FACTOR_EXPRESSION = "#{@'" + BEAN_NAME + "'.replicationFactor()}";
}
