package org.stockalerts.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.MigrationsContract;

/** persistence-consumer's migrations on a real, empty PostgreSQL schema. */
class PersistenceMigrationsTest extends MigrationsContract {

    private static final String TICK = "INSERT INTO price_ticks (event_id, symbol, price, source, observed_at,"
            + " occurred_at) VALUES ('00000000-0000-0000-0000-000000000001', 'AAPL', %s, 'simulated',"
            + " '2026-03-08 14:30:00+00', now()) ON CONFLICT DO NOTHING";

    private static final String ALERT = "INSERT INTO alerts (alert_id, event_id, user_id, rule_id, condition,"
            + " observed_value, message, source_event_id, observed_at, triggered_at, payload, kafka_partition,"
            + " kafka_offset) VALUES ('00000000-0000-0000-0000-00000000000%1$s',"
            + " '00000000-0000-0000-0000-00000000010%1$s', gen_random_uuid(), gen_random_uuid(), 'PRICE_ABOVE', 1,"
            + " 'm', gen_random_uuid(), now(), now(), '{}', %2$s, %3$s)";

    PersistenceMigrationsTest() {
        super("classpath:db/migration/persistence", "persistence");
    }

    @Test
    void createDailyTickPartitionsOnceAndStoreATickOnlyOnce() throws SQLException {
        // Given the schema
        onMigratedSchema(sql -> {
            // When partitions for three days are ensured twice
            int created = single(sql, "SELECT ensure_price_tick_partitions('2026-03-07', '2026-03-09')");
            int again = single(sql, "SELECT ensure_price_tick_partitions('2026-03-07', '2026-03-09')");

            // Then they are created once
            assertThat(created).isEqualTo(3);
            assertThat(again).isZero();

            // And the same tick inserted twice is stored once
            sql.execute(TICK.formatted("101.5"));
            sql.execute(TICK.formatted("101.5"));
            assertThat(single(sql, "SELECT count(*) FROM price_ticks_20260308")).isEqualTo(1);

            // And a non-positive price is refused
            assertThatThrownBy(() -> sql.execute(TICK.replace("0001'", "0002'").formatted("0")))
                    .hasMessageContaining("price_ticks_price_check");
        });
    }

    @Test
    void keepAlertsStoredWithoutATopicPositionAndRefuseHalfAPosition() throws SQLException {
        // Given the schema
        onMigratedSchema(sql -> {
            // When an alert is stored as before positions were kept, and one with its partition and offset
            sql.execute(ALERT.formatted("1", "NULL", "NULL"));
            sql.execute(ALERT.formatted("2", "3", "12345"));

            // Then both are stored
            assertThat(single(sql, "SELECT count(*) FROM alerts")).isEqualTo(2);

            // And a partition without an offset is refused
            assertThatThrownBy(() -> sql.execute(ALERT.formatted("3", "3", "NULL")))
                    .hasMessageContaining("alerts_position_complete");
        });
    }

    private static int single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getInt(1);
        }
    }
}
