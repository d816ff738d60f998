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
 * Finds where strings (a user's e-mail address, name, webhook URL, key hash) still sit in a database:
 * every column of a textual, JSON or array type of every table of the given schemas, as
 * {@code information_schema} lists them, so a table or column added later is scanned too.
 */
public final class PersonalDataScan {

    private static final String COLUMNS = "SELECT c.table_schema, c.table_name, c.column_name"
            + " FROM information_schema.columns c JOIN information_schema.tables t"
            + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            + " WHERE t.table_type = 'BASE TABLE' AND c.table_schema = ANY (?)"
            + " AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')"
            + " ORDER BY 1, 2, 3";

    private PersonalDataScan() {}

    /**
     * Each place {@code schema.table.column} where a row contains one of {@code needles}, with the
     * needle found; empty when none holds any.
     */
    public static List<String> findings(DataSource database, Collection<String> schemas, Collection<String> needles)
            throws SQLException {
        try (Connection connection = database.getConnection()) {
            return findings(connection, schemas, needles);
        }
    }

    /** {@link #findings(DataSource, Collection, Collection)} in the test database of {@code database}. */
    public static List<String> findings(
            TestDatabase.Endpoint database, Collection<String> schemas, Collection<String> needles)
            throws SQLException {
        try (Connection connection = database.connect()) {
            return findings(connection, schemas, needles);
        }
    }

    private static List<String> findings(Connection connection, Collection<String> schemas, Collection<String> needles)
            throws SQLException {
        List<String> findings = new ArrayList<>();
        for (Column column : textColumns(connection, schemas)) {
            for (String needle : needles) {
                if (contains(connection, column, needle)) {
                    findings.add(column + " contains " + needle);
                }
            }
        }
        return findings;
    }

    /** A scanned column. */
    public record Column(String schema, String table, String name) {

        @Override
        public String toString() {
            return schema + "." + table + "." + name;
        }
    }

    /** The columns of a textual, JSON or array type in the tables of {@code schemas}. */
    public static List<Column> textColumns(Connection connection, Collection<String> schemas) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
            query.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new Column(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return columns;
    }

    private static boolean contains(Connection connection, Column column, String needle) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM "
                + quoted(column.schema()) + "." + quoted(column.table()) + " WHERE strpos("
                + quoted(column.name()) + "::text, ?) > 0)")) {
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
