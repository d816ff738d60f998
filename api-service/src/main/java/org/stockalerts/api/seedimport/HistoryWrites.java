package org.stockalerts.api.seedimport;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes to persistence-consumer's history tables: a batch of rows with one {@code INSERT … ON
 * CONFLICT DO NOTHING} statement batch in one transaction (rows inserted count as imported, the
 * others, stored by an earlier run, as already imported), and the price-tick partitions they need.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class HistoryWrites {

    /** persistence-consumer's lock around partition creation and drops (its TickPartitions). */
    private static final long PARTITION_LOCK = 0x7072696365L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    <T> void insert(
            ImportReport report,
            SeedTable table,
            String sql,
            List<T> rows,
            ParameterizedPreparedStatementSetter<T> values) {
        int[] counts = transactions.execute(status -> jdbc.batchUpdate(sql, rows, rows.size(), values)[0]);
        long inserted = Arrays.stream(counts).filter(count -> count > 0).count();
        report.imported(table, inserted);
        report.alreadyImported(table, rows.size() - inserted);
    }

    /**
     * The daily partitions of price ticks from {@code first} to {@code last}, as persistence-consumer
     * creates them: its function, in its schema, under its lock.
     */
    void ensurePriceTickPartitions(LocalDate first, LocalDate last) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO persistence");
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, PARTITION_LOCK);
            jdbc.queryForObject("SELECT ensure_price_tick_partitions(?, ?)", Integer.class, first, last);
        });
    }
}
