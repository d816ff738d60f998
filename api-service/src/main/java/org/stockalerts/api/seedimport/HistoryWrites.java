package org.stockalerts.api.seedimport;

import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of history rows with one {@code INSERT … ON CONFLICT DO NOTHING} statement batch in
 * one transaction: rows inserted count as imported, the others (stored by an earlier run) as
 * already imported.
 */
@Component
class HistoryWrites {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    HistoryWrites(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

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
}
