package org.stockalerts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every service's migrations must do, on a real, empty PostgreSQL schema: apply from scratch
 * and then, run again, change nothing. A service's test extends it and adds checks of its own
 * constraints on {@link #check}.
 */
public abstract class MigrationsContract {

    protected final MigrationCheck check;

    /** @param location e.g. {@code classpath:db/migration/api}; @param schemaPrefix names the fresh schema */
    protected MigrationsContract(String location, String schemaPrefix) {
        this.check = new MigrationCheck(location, schemaPrefix);
    }

    /** SQL run on the migrated schema. */
    @FunctionalInterface
    protected interface SchemaCheck {
        void run(Statement sql) throws SQLException;
    }

    /** Migrates the fresh schema and runs {@code checks} on it. */
    protected void onMigratedSchema(SchemaCheck checks) throws SQLException {
        check.migrate();
        try (Connection db = check.connect();
                Statement sql = db.createStatement()) {
            checks.run(sql);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        check.close();
    }

    @Test
    void applyToAnEmptySchemaAndAgainAsANoOp() {
        // When the migrations run twice
        int first = check.migrate().migrationsExecuted;
        int second = check.migrate().migrationsExecuted;

        // Then the first run applies them all and the second changes nothing
        assertThat(first).isPositive();
        assertThat(second).isZero();
    }
}
