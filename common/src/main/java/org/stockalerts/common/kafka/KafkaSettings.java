package org.stockalerts.common.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
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
 */
@Validated
@ConfigurationProperties(KafkaSettings.PREFIX)
public record KafkaSettings(
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("2") @PositiveOrZero int listenerRetries,
        @DefaultValue("500ms") Duration listenerRetryBackoff) {

    public static final String PREFIX = "stockalerts.kafka";

    /** The name {@code @EnableConfigurationProperties} gives this bean: prefix, dash, class name. */
    public static final String BEAN_NAME = PREFIX + "-org.stockalerts.common.kafka.KafkaSettings";

    /**
     * The bound replication factor, for annotation attributes that take an expression (such as
     * {@code @RetryableTopic(replicationFactor = ...)}), so the default stays on this record alone.
     */
    public static final String REPLICATION_FACTOR_EXPRESSION = "#{@'" + BEAN_NAME + "'.replicationFactor()}";
}
