package org.stockalerts.common.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties("stockalerts.kafka")
public record KafkaSettings(
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("2") int listenerRetries,
        @DefaultValue("500ms") Duration listenerRetryBackoff) {

    public KafkaSettings {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("stockalerts.kafka.replication-factor must be at least 1");
        }
        if (listenerRetries < 0) {
            throw new IllegalArgumentException("stockalerts.kafka.listener-retries must not be negative");
        }
    }
}
