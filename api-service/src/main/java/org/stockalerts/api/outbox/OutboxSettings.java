package org.stockalerts.api.outbox;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay ({@code stockalerts.api.outbox.*}).
 *
 * @param enabled whether this instance publishes the outbox ({@code STOCKALERTS_API_OUTBOX_ENABLED})
 * @param pollInterval pause between two looks at the outbox when it was empty
 *     ({@code STOCKALERTS_API_OUTBOX_POLL_INTERVAL})
 * @param batchSize most events published per transaction ({@code STOCKALERTS_API_OUTBOX_BATCH_SIZE})
 * @param sendTimeout how long one batch may wait for the broker before it is retried on a later
 *     round ({@code STOCKALERTS_API_OUTBOX_SEND_TIMEOUT})
 * @param retryBackoff pause after a failed batch, e.g. while Kafka is down
 *     ({@code STOCKALERTS_API_OUTBOX_RETRY_BACKOFF})
 * @param retention how long published events stay in the outbox, for inspection
 *     ({@code STOCKALERTS_API_OUTBOX_RETENTION})
 * @param purgeInterval how often published events past their retention are deleted
 *     ({@code STOCKALERTS_API_OUTBOX_PURGE_INTERVAL})
 */
@Validated
@ConfigurationProperties("stockalerts.api.outbox")
public record OutboxSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50ms") @DurationMin(nanos = 1) Duration pollInterval,
        @DefaultValue("200") @Min(1) int batchSize,
        @DefaultValue("5s") @DurationMin Duration sendTimeout,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {}
