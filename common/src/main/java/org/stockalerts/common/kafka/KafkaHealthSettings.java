package org.stockalerts.common.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kafka health check ({@code stockalerts.kafka.health.*}, e.g. the environment
 * variable {@code STOCKALERTS_KAFKA_HEALTH_TIMEOUT}).
 *
 * @param timeout how long one health check waits for the cluster to answer before it reports Kafka DOWN
 */
// a compact-constructor check, not @DurationMin: common has the validation API but no Hibernate Validator
@ConfigurationProperties("stockalerts.kafka.health")
public record KafkaHealthSettings(@DefaultValue("2s") Duration timeout) {

    public KafkaHealthSettings {
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stockalerts.kafka.health.timeout must be positive, was " + timeout);
        }
    }
}
