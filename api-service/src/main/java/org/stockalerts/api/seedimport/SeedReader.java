package org.stockalerts.api.seedimport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * One read-only connection to the seed database, in one read-only repeatable-read transaction, so
 * every table is read from the same snapshot and nothing can be written: the JDBC connection is
 * read-only, the session's default is {@code default_transaction_read_only}, and the transaction
 * is opened {@code READ ONLY}. Rows are streamed (a fetch size), never all held in memory.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class SeedReader implements AutoCloseable {

    /** Reads one row of a result. */
    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet row) throws SQLException;
    }

    /** Reads one kept row of a seed table, with its seed id. */
    @FunctionalInterface
    interface KeptRowHandler {
        void row(long id, ResultSet row) throws SQLException;
    }

    private static final int FETCH_SIZE = 1_000;

    private final Connection connection;

    static SeedReader open(SeedImportOptions options) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", options.user());
        properties.setProperty("password", options.password());
        properties.setProperty("readOnly", "true");
        properties.setProperty("ApplicationName", "stock-alerts import-seed");
        Connection connection = DriverManager.getConnection(options.from(), properties);
        try (Statement session = connection.createStatement()) {
            session.execute("SET SESSION default_transaction_read_only = on");
            // a timestamp without time zone is read as UTC
            session.execute("SET TIME ZONE 'UTC'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement transaction = connection.createStatement()) {
            transaction.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        return new SeedReader(connection);
    }

    /** Whether the seed database has {@code table} on its search path. */
    boolean hasTable(SeedTable table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table.tableName());
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /**
     * A boolean SQL expression that is true for a soft-deleted row of {@code table} (one with a
     * {@code deleted_at}, which GORM adds only to models embedding {@code gorm.Model}), qualified by
     * {@code alias}.
     */
    private String deletedExpression(SeedTable table, String alias) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_attribute"
                + " WHERE attrelid = to_regclass(?) AND attname = 'deleted_at' AND NOT attisdropped)")) {
            query.setString(1, table.tableName());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1) ? "(" + alias + ".deleted_at IS NOT NULL)" : "false";
            }
        }
    }

    /** Streams the rows of {@code sql} to {@code handler}. */
    void each(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    handler.row(row);
                }
            }
        }
    }

    /**
     * Streams {@code SELECT alias.id, columns FROM from ORDER BY alias.id} to {@code handler}, all
     * rows of {@code table} but the soft-deleted ones, which count as left out. A row the handler
     * refuses with an {@link IllegalArgumentException} (a symbol or price the domain types refuse)
     * counts as skipped, with the reason.
     */
    void eachKept(
            SeedTable table, String alias, String columns, String from, ImportReport report, KeptRowHandler handler)
            throws SQLException {
        String deleted = deletedExpression(table, alias);
        String id = alias + ".id";
        each("SELECT " + id + ", " + columns + ", " + deleted + " AS deleted FROM " + from + " ORDER BY " + id, row -> {
            long seedId = row.getLong("id");
            if (row.getBoolean("deleted")) {
                report.leftOut(table, 1, "soft-deleted rows");
                return;
            }
            try {
                handler.row(seedId, row);
            } catch (IllegalArgumentException e) {
                report.skipped(table, seedId, e.getMessage());
            }
        });
    }

    /** The number of rows of {@code table}. */
    long count(SeedTable table) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("SELECT count(*) FROM " + table.tableName())) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
