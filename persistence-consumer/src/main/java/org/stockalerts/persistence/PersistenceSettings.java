package org.stockalerts.persistence;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the persistence consumer ({@code stockalerts.persistence.*}, each overridable by an
 * environment variable such as {@code STOCKALERTS_PERSISTENCE_TICK_RETENTION_DAYS}).
 *
 * @param tickRetentionDays whole days of price ticks kept before today (UTC); older daily
 *     partitions are dropped, and ticks observed before that are refused to the dead-letter topic
 * @param partitionDaysAhead daily partitions of price_ticks created ahead of today (UTC); ticks
 *     observed further ahead are refused to the dead-letter topic
 * @param partitionMaintenanceInterval how often partitions are created ahead and old ones dropped
 * @param listenerConcurrency consumers per topic; two keep both cores busy, one reading from Kafka
 *     while the other waits for PostgreSQL
 * @param maxPollRecords the most records one listener batch (and one database transaction) holds
 * @param maxPartitionFetchSize the most a consumer fetches from one partition at a time (Kafka's
 *     max.partition.fetch.bytes), enough for full batches from the few partitions a consumer has
 * @param databaseRetryInitialBackoff the first wait before a batch is retried after the database failed
 * @param databaseRetryMaxBackoff the longest wait between retries; retries go on until the database answers
 */
@Validated
@ConfigurationProperties("stockalerts.persistence")
public record PersistenceSettings(
        @DefaultValue("30") @Min(1) int tickRetentionDays,
        @DefaultValue("7") @Min(1) int partitionDaysAhead,
        @DefaultValue("1h") Duration partitionMaintenanceInterval,
        @DefaultValue("2") @Min(1) int listenerConcurrency,
        @DefaultValue("10000") @Min(1) int maxPollRecords,
        @DefaultValue("4MB") DataSize maxPartitionFetchSize,
        @DefaultValue("500ms") @DurationMin Duration databaseRetryInitialBackoff,
        @DefaultValue("30s") Duration databaseRetryMaxBackoff) {

    @AssertTrue(message = "must be between 1B and 2GB")
    boolean isMaxPartitionFetchSizeAnIntOfBytes() {
        return maxPartitionFetchSize.toBytes() >= 1 && maxPartitionFetchSize.toBytes() <= Integer.MAX_VALUE;
    }

    @AssertTrue(message = "database-retry-max-backoff must not be below database-retry-initial-backoff")
    boolean isDatabaseRetryMaxBackoffAtLeastInitial() {
        return databaseRetryMaxBackoff.compareTo(databaseRetryInitialBackoff) >= 0;
    }
}
