package org.stockalerts.persistence.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code INSERT INTO table (columns) VALUES (…), (…), … ON CONFLICT DO NOTHING}: one statement and
 * one round trip for many rows (split to stay under PostgreSQL's bind-parameter limit); rows whose
 * key is already stored are skipped.
 */
public final class MultiRowInsert {

    private static final int MAX_PARAMETERS = 32_000;

    private final String head;
    private final String row;
    private final int columns;

    /**
     * @param placeholders one per column: {@code ?}, or e.g. {@code ?::jsonb} where the column needs a cast
     */
    public MultiRowInsert(String table, List<String> columnNames, List<String> placeholders) {
        if (columnNames.size() != placeholders.size()) {
            throw new IllegalArgumentException("one placeholder per column");
        }
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ";
        this.row = "(" + String.join(", ", placeholders) + ")";
        this.columns = columnNames.size();
    }

    /** Inserts {@code rows}, each as the column values {@code values} gives; returns the rows inserted. */
    public <T> int insert(JdbcTemplate jdbc, List<T> rows, Function<T, Object[]> values) {
        int perStatement = MAX_PARAMETERS / columns;
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            List<Object> arguments = new ArrayList<>(chunk.size() * columns);
            chunk.forEach(r -> Collections.addAll(arguments, values.apply(r)));
            String sql = head + String.join(", ", Collections.nCopies(chunk.size(), row)) + " ON CONFLICT DO NOTHING";
            inserted += jdbc.update(sql, arguments.toArray());
        }
        return inserted;
    }

    /** An instant as the driver binds it to timestamptz; null stays null. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
