package org.stockalerts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
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
