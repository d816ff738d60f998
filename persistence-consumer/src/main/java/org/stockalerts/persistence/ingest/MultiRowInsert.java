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
     * @param columns the column names in the order of the values; a column written with a cast (e.g.
     *     {@code payload::jsonb}) binds its value through that cast
     */
    public MultiRowInsert(String table, List<String> columns) {
        List<String> names = new ArrayList<>(columns.size());
        List<String> placeholders = new ArrayList<>(columns.size());
        for (String column : columns) {
            int cast = column.indexOf("::");
            names.add(cast < 0 ? column : column.substring(0, cast));
            placeholders.add(cast < 0 ? "?" : "?" + column.substring(cast));
        }
        this.head = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ";
        this.row = "(" + String.join(", ", placeholders) + ")";
        this.columns = columns.size();
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
