package org.stockalerts.alerting.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.MigrationsContract;

/** alert-consumer's migrations on a real, empty PostgreSQL schema. */
class AlertingMigrationsTest extends MigrationsContract {

    AlertingMigrationsTest() {
        super("classpath:db/migration/alerting", "alerting");
    }

    @Test
    void allowManyAttemptsButOnlyOneSuccessfulDeliveryPerAlertAndChannel() throws SQLException {
        // Given the schema
        onMigratedSchema(sql -> {
            String attempt = "INSERT INTO alert_deliveries (alert_id, user_id, rule_id, channel, channel_id, attempt,"
                    + " attempted_at, outcome) VALUES ('00000000-0000-0000-0000-00000000000a',"
                    + " '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000c', 'WEBHOOK',"
                    + " '00000000-0000-0000-0000-00000000000d', %d, now(), '%s')";

            // When a failed attempt is followed by a success, and a replay records another success
            sql.execute(attempt.formatted(1, "RETRYING"));
            sql.execute(attempt.formatted(2, "DELIVERED"));

            // Then the second success is refused
            assertThatThrownBy(() -> sql.execute(attempt.formatted(3, "DELIVERED")))
                    .hasMessageContaining("alert_deliveries_delivered_key");
            assertThatThrownBy(() -> sql.execute(attempt.formatted(4, "LOST")))
                    .hasMessageContaining("alert_deliveries_outcome_check");
        });
    }
}
