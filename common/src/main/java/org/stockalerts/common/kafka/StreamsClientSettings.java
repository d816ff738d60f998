package org.stockalerts.common.kafka;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the services' Kafka Streams clients ({@code stockalerts.kafka.streams.*}, e.g. the
 * environment variable {@code STOCKALERTS_KAFKA_STREAMS_MAX_THREAD_REPLACEMENTS}).
 *
 * @param maxThreadReplacements how many dead stream threads are replaced within {@code replacementWindow};
 *     the next death shuts the client down (and its health goes DOWN); 0 shuts it down at the first one
 * @param replacementWindow the sliding window those replacements are counted in
 * @param closeTimeout how long a closing client waits for its threads to finish and commit
 * @param sessionTimeout how long the group waits for a member that stopped heartbeating (killed, paused,
 *     cut off, or a replaced stream thread, which does not leave the group) before its partitions move to
 *     the others; within the broker's default bounds (6 s to 30 min). The heartbeat is a third of it.
 */
@Validated
@ConfigurationProperties(StreamsClientSettings.PREFIX)
public record StreamsClientSettings(
        @DefaultValue("5") @PositiveOrZero int maxThreadReplacements,

        @DefaultValue("10m") @NotNull @DurationMin(nanos = 1)
        Duration replacementWindow,
        // spring-kafka takes the close timeout in whole seconds, as an int
        @DefaultValue("10s") @NotNull @DurationMin(seconds = 1) @DurationMax(seconds = Integer.MAX_VALUE)
        Duration closeTimeout,

        @DefaultValue("10s") @NotNull @DurationMin(seconds = 6) @DurationMax(minutes = 30)
        Duration sessionTimeout) {

    public static final String PREFIX = "stockalerts.kafka.streams";
}
