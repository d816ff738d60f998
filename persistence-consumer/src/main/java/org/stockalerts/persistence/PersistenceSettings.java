package org.stockalerts.persistence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
@ConfigurationProperties("stockalerts.persistence")
public record PersistenceSettings(
        @DefaultValue("30") int tickRetentionDays,
        @DefaultValue("7") int partitionDaysAhead,
        @DefaultValue("1h") Duration partitionMaintenanceInterval,
        @DefaultValue("2") int listenerConcurrency,
        @DefaultValue("10000") int maxPollRecords,
        @DefaultValue("4MB") DataSize maxPartitionFetchSize,
        @DefaultValue("500ms") Duration databaseRetryInitialBackoff,
        @DefaultValue("30s") Duration databaseRetryMaxBackoff) {

    public PersistenceSettings {
        if (tickRetentionDays < 1) {
            throw new IllegalArgumentException("stockalerts.persistence.tick-retention-days must be at least 1");
        }
        if (partitionDaysAhead < 1) {
            throw new IllegalArgumentException("stockalerts.persistence.partition-days-ahead must be at least 1");
        }
        if (listenerConcurrency < 1 || maxPollRecords < 1) {
            throw new IllegalArgumentException(
                    "stockalerts.persistence.listener-concurrency and max-poll-records must be positive");
        }
        if (maxPartitionFetchSize.toBytes() < 1 || maxPartitionFetchSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "stockalerts.persistence.max-partition-fetch-size must be between 1B and 2GB");
        }
        if (databaseRetryInitialBackoff.isNegative()
                || databaseRetryMaxBackoff.compareTo(databaseRetryInitialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "stockalerts.persistence.database-retry-max-backoff must not be below database-retry-initial-backoff");
        }
    }
}
