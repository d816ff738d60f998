package org.stockalerts.common.kafka;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Kafka health check ({@code stockalerts.kafka.health.*}, e.g. the environment
 * variable {@code STOCKALERTS_KAFKA_HEALTH_TIMEOUT}).
 *
 * @param timeout how long one health check waits for the cluster to answer before it reports Kafka DOWN
 */
@Validated
@ConfigurationProperties("stockalerts.kafka.health")
public record KafkaHealthSettings(
        // the admin client takes the timeout as an int of milliseconds
        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE)
        Duration timeout) {}
