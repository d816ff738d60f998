package org.stockalerts.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Finds where strings (a user's e-mail address, name, webhook URL, key hash; an API key or a secret
 * that must never be stored) still sit in a database: every column of a textual, JSON or array type
 * of every table of the given schemas, or every column of any type of every table of every schema, as
 * {@code information_schema} lists them, so a table or column added later is scanned too.
 */
public final class PersonalDataScan {

    private static final String COLUMNS = "SELECT c.table_schema, c.table_name, c.column_name, c.data_type"
            + " FROM information_schema.columns c JOIN information_schema.tables t"
            + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            + " WHERE t.table_type = 'BASE TABLE' AND ";
    private static final String TEXT_COLUMNS_OF_SCHEMAS = COLUMNS + "c.table_schema = ANY (?)"
            + " AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')"
            + " ORDER BY 1, 2, 3";
    private static final String EVERY_COLUMN = COLUMNS
            + "c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg\\_%'"
            + " ORDER BY 1, 2, 3";

    private PersonalDataScan() {}

    /**
     * Each place {@code schema.table.column} where a row contains one of {@code needles}, with the
     * needle found; empty when none holds any.
     */
    public static List<String> findings(DataSource database, Collection<String> schemas, Collection<String> needles)
            throws SQLException {
        try (Connection connection = database.getConnection()) {
            return findings(connection, textColumns(connection, schemas), needles);
        }
    }

    /** {@link #findings(DataSource, Collection, Collection)} in the test database of {@code database}. */
    public static List<String> findings(
            TestDatabase.Endpoint database, Collection<String> schemas, Collection<String> needles)
            throws SQLException {
        try (Connection connection = database.connect()) {
            return findings(connection, textColumns(connection, schemas), needles);
        }
    }

    /**
     * As {@link #findings(TestDatabase.Endpoint, Collection, Collection)}, in every column of whatever
     * type (cast to text; {@code bytea} read as escaped text, so printable bytes are matched as they
     * are) of every table of every schema but PostgreSQL's own.
     */
    public static List<String> findingsInEveryColumn(TestDatabase.Endpoint database, Collection<String> needles)
            throws SQLException {
        try (Connection connection = database.connect()) {
            return findings(connection, columns(connection, EVERY_COLUMN, null), needles);
        }
    }

    private static List<String> findings(Connection connection, List<Column> columns, Collection<String> needles)
            throws SQLException {
        List<String> findings = new ArrayList<>();
        for (Column column : columns) {
            for (String needle : needles) {
                if (contains(connection, column, needle)) {
                    findings.add(column + " contains " + needle);
                }
            }
        }
        return findings;
    }

    /** A scanned column. */
    public record Column(String schema, String table, String name, String dataType) {

        /** The column as SQL text. */
        String asText() {
            String column = quoted(name);
            return "bytea".equals(dataType) ? "encode(" + column + ", 'escape')" : column + "::text";
        }

        @Override
        public String toString() {
            return schema + "." + table + "." + name;
        }
    }

    /** The columns of a textual, JSON or array type in the tables of {@code schemas}. */
    public static List<Column> textColumns(Connection connection, Collection<String> schemas) throws SQLException {
        return columns(connection, TEXT_COLUMNS_OF_SCHEMAS, schemas);
    }

    private static List<Column> columns(Connection connection, String sql, Collection<String> schemas)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (schemas != null) {
                query.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new Column(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return columns;
    }

    private static boolean contains(Connection connection, Column column, String needle) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM "
                + quoted(column.schema()) + "." + quoted(column.table()) + " WHERE strpos(" + column.asText()
                + ", ?) > 0)")) {
            query.setString(1, needle);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
