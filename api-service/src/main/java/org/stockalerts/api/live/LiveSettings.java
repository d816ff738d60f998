package org.stockalerts.api.live;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live push over Server-Sent Events ({@code stockalerts.live.*}, environment {@code STOCKALERTS_LIVE_*}).
 *
 * @param heartbeat interval of the keep-alive comment sent on every open stream
 * @param maxConnectionsPerUser open streams one user may hold on one instance; more get a 429
 * @param queueCapacity events waiting for one slow client before it is dropped
 * @param senderThreads threads that write to the clients, shared by all streams of the instance
 * @param connectionTimeout how long a stream stays open; clients reconnect with {@code Last-Event-ID}
 * @param replayLimit most stored alerts sent on a reconnect; with more missed, the stream ends after them
 *     and the client's next reconnect continues from the last
 * @param recentAlertsPerPartition alerts kept per partition of alerts-triggered after they went out live,
 *     for clients that reconnect before the persistence service has stored them
 * @param replayReadTimeout longest a reconnect reads alerts-triggered itself, when neither the stored
 *     alerts nor the recent ones reach back to the client's cursor
 * @param maxConnections open streams of all users together on one instance; more get a 429
 * @param refusedRetryAfter the {@code Retry-After} of a stream refused for either limit
 */
@Validated
@ConfigurationProperties("stockalerts.live")
public record LiveSettings(
        @DefaultValue("15s") @DurationMin(nanos = 1) Duration heartbeat,
        @DefaultValue("5") @Min(1) int maxConnectionsPerUser,
        @DefaultValue("256") @Min(1) int queueCapacity,
        @DefaultValue("4") @Min(1) int senderThreads,
        @DefaultValue("30m") @DurationMin Duration connectionTimeout,
        @DefaultValue("1000") @Min(1) int replayLimit,
        @DefaultValue("1000") @PositiveOrZero int recentAlertsPerPartition,
        @DefaultValue("5s") @DurationMin(nanos = 1) Duration replayReadTimeout,
        @DefaultValue("1000") @Min(1) int maxConnections,
        @DefaultValue("10s") @DurationMin(seconds = 1) Duration refusedRetryAfter) {}
