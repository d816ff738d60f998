package org.stockalerts.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies a service's Flyway migrations to a brand-new, empty schema of the test database, so a
 * test can check that they apply from scratch, that a second run is a no-op, and what they create.
 * The schema is dropped by {@link #close()}.
 */
public final class MigrationCheck implements AutoCloseable {

    private final TestDatabase.Endpoint database = TestDatabase.endpoint();
    private final String schema;
    private final Flyway flyway;

    /** Migrations from {@code location} (e.g. {@code classpath:db/migration/api}) into a fresh schema. */
    public MigrationCheck(String location, String schemaPrefix) {
        this.schema = schemaPrefix + "_check_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        this.flyway = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .schemas(schema)
                .defaultSchema(schema)
                .locations(location)
                .load();
    }

    /** Runs the migrations. */
    public MigrateResult migrate() {
        return flyway.migrate();
    }

    /** The fresh schema's name. */
    public String schema() {
        return schema;
    }

    /** A connection whose search path is the fresh schema. */
    public Connection connect() throws SQLException {
        Connection connection = database.connect();
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET search_path TO " + schema);
        }
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = database.connect();
                Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
