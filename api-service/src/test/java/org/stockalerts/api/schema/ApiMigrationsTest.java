package org.stockalerts.api.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.MigrationsContract;

/** api-service's migrations on a real, empty PostgreSQL schema. */
class ApiMigrationsTest extends MigrationsContract {

    ApiMigrationsTest() {
        super("classpath:db/migration/api", "api");
    }

    @Test
    void refuseNonPositiveQuantitiesAndDuplicateHoldings() throws SQLException {
        // Given the schema with one user and their portfolio
        onMigratedSchema(sql -> {
            userWithPortfolio(sql);
            String holding = "INSERT INTO holdings (id, portfolio_id, symbol, quantity, average_cost, created_at,"
                    + " updated_at) VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000002', 'AAPL', %s, 10,"
                    + " now(), now())";

            // Then a zero quantity breaks a CHECK and a second AAPL holding breaks the unique key
            assertThatThrownBy(() -> sql.execute(holding.formatted("0")))
                    .hasMessageContaining("holdings_quantity_check");
            sql.execute(holding.formatted("1.5"));
            assertThatThrownBy(() -> sql.execute(holding.formatted("2"))).hasMessageContaining("duplicate key");
        });
    }

    @Test
    void acceptAWatchEntryButNotHalfAPosition() throws SQLException {
        // Given the schema with one user and their portfolio
        onMigratedSchema(sql -> {
            userWithPortfolio(sql);
            String holding = "INSERT INTO holdings (id, portfolio_id, symbol, quantity, average_cost, threshold_price,"
                    + " created_at, updated_at) VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000002',"
                    + " '%s', %s, %s, 150, now(), now())";

            // Then a quantity without a cost, or a cost without a quantity, breaks the CHECK
            assertThatThrownBy(() -> sql.execute(holding.formatted("AAPL", "1", "NULL")))
                    .hasMessageContaining("holdings_position_or_watch_check");
            assertThatThrownBy(() -> sql.execute(holding.formatted("AAPL", "NULL", "10")))
                    .hasMessageContaining("holdings_position_or_watch_check");
            // And a watch entry (neither) is stored, and two rules may name it
            sql.execute(holding.formatted("AAPL", "NULL", "NULL"));
            String rule = "INSERT INTO alert_rules (id, user_id, symbol, condition, threshold, trigger_mode, status,"
                    + " holding_id, created_at, updated_at) SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001',"
                    + " 'AAPL', 'PRICE_ABOVE', %s, 'ONCE', 'ACTIVE', id, now(), now() FROM holdings";
            sql.execute(rule.formatted("150"));
            sql.execute(rule.formatted("160"));
        });
    }

    @Test
    void refuseARuleWithoutTheParametersOfItsCondition() throws SQLException {
        // Given the schema with one user
        onMigratedSchema(sql -> {
            sql.execute("INSERT INTO users VALUES ('00000000-0000-0000-0000-000000000001', 'Ada', NULL, now(), now())");

            // When a level rule comes without a threshold, or with an unknown status
            String rule = "INSERT INTO alert_rules (id, user_id, symbol, condition, threshold, trigger_mode, status,"
                    + " created_at, updated_at) VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001',"
                    + " 'AAPL', 'PRICE_ABOVE', %s, 'ONCE', '%s', now(), now())";

            // Then the database refuses both, and accepts the complete one
            assertThatThrownBy(() -> sql.execute(rule.formatted("NULL", "ACTIVE")))
                    .hasMessageContaining("check");
            assertThatThrownBy(() -> sql.execute(rule.formatted("200", "SLEEPING")))
                    .hasMessageContaining("alert_rules_status_check");
            sql.execute(rule.formatted("200", "ACTIVE"));
        });
    }

    private static void userWithPortfolio(Statement sql) throws SQLException {
        sql.execute("INSERT INTO users VALUES ('00000000-0000-0000-0000-000000000001', 'Ada', 'ada@example.com',"
                + " now(), now())");
        sql.execute("INSERT INTO portfolios VALUES ('00000000-0000-0000-0000-000000000002',"
                + " '00000000-0000-0000-0000-000000000001', 'Main', now(), now())");
    }
}
