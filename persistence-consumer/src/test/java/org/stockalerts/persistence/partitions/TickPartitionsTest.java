package org.stockalerts.persistence.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.persistence.PersistenceIntegrationTest;
import org.stockalerts.persistence.PersistenceSettings;
import org.stockalerts.persistence.ticks.PriceTickWriter;

/**
 * Partition creation ahead of need and retention, on the real database, with the clock set years
 * in the past so the days touched here are never the ones the service is writing today.
 */
@PersistenceIntegrationTest
class TickPartitionsTest {

    private static final LocalDate DAY_ONE = LocalDate.parse("2019-03-10");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void createsADailyPartitionForEachDayFromTheRetentionToTheDaysAhead() {
        // Given a retention of 3 days and partitions 2 days ahead, on 2019-03-10
        TickPartitions partitions = partitionsOn(DAY_ONE, 3, 2);

        // When the maintenance runs
        partitions.maintain();

        // Then 2019-03-07 up to 2019-03-12 each have their partition
        assertThat(partitions.existing())
                .containsSubsequence(
                        DAY_ONE.minusDays(3),
                        DAY_ONE.minusDays(2),
                        DAY_ONE.minusDays(1),
                        DAY_ONE,
                        DAY_ONE.plusDays(1),
                        DAY_ONE.plusDays(2))
                .doesNotContain(DAY_ONE.minusDays(4), DAY_ONE.plusDays(3));
    }

    @Test
    void dropsWholePartitionsOlderThanTheRetentionAndKeepsTheRest() {
        // Given partitions kept on 2019-04-10 with a tick stored on its oldest day and one on the next
        LocalDate created = DAY_ONE.plusMonths(1);
        TickPartitions partitions = partitionsOn(created, 3, 2);
        partitions.maintain();
        PriceTick oldest = TickDraft.series(
                TickDraft.uniqueSymbol("T"),
                0,
                created.minusDays(3).atTime(15, 0).toInstant(ZoneOffset.UTC));
        PriceTick kept = TickDraft.series(
                oldest.symbol(), 1, created.minusDays(2).atTime(15, 0).toInstant(ZoneOffset.UTC));
        transactions.execute(status -> new PriceTickWriter(dataSource, partitions).insertNew(List.of(oldest, kept)));

        // When the maintenance runs one day later
        List<LocalDate> dropped = partitionsOn(created.plusDays(1), 3, 2).maintain();

        // Then only the oldest day's partition is gone, with its rows
        assertThat(dropped).containsExactly(created.minusDays(3));
        assertThat(partitions.existing()).doesNotContain(created.minusDays(3)).contains(created.minusDays(2));
        assertThat(jdbc.queryForList(
                        "SELECT event_id FROM price_ticks WHERE symbol = ?",
                        Object.class,
                        oldest.symbol().value()))
                .containsExactly(kept.eventId());
    }

    @Test
    void refusesTicksOutsideTheStoredWindow() {
        // Given a retention of 3 days and partitions 2 days ahead, on 2019-03-10
        TickPartitions partitions = partitionsOn(DAY_ONE, 3, 2);

        // When ticks of the window's edges and beyond are checked
        // Then the edges are stored and the rest refused with the reason
        assertThat(partitions.refusal(Instant.parse("2019-03-07T00:00:00Z"))).isEmpty();
        assertThat(partitions.refusal(Instant.parse("2019-03-12T23:59:59Z"))).isEmpty();
        assertThat(partitions.refusal(Instant.parse("2019-03-06T23:59:59Z")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("older than the retention of 3 days"));
        assertThat(partitions.refusal(Instant.parse("2019-03-13T00:00:00Z")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("more than 2 days ahead"));
    }

    private TickPartitions partitionsOn(LocalDate today, int retentionDays, int daysAhead) {
        PersistenceSettings settings = new PersistenceSettings(
                retentionDays,
                daysAhead,
                java.time.Duration.ofHours(1),
                1,
                100,
                org.springframework.util.unit.DataSize.ofMegabytes(1),
                java.time.Duration.ofMillis(100),
                java.time.Duration.ofSeconds(1));
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new TickPartitions(jdbc, transactions, settings, clock);
    }
}
