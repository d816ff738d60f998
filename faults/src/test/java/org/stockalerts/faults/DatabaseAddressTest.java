package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseAddressTest {

    @Test
    void readsTheServerOfAUrlWithOrWithoutAPort() {
        assertThat(DatabaseAddress.of("jdbc:postgresql://127.0.0.1:5433/stockalerts_test_1?sslmode=disable"))
                .isEqualTo(new DatabaseAddress("127.0.0.1", 5433));
        assertThat(DatabaseAddress.of("jdbc:postgresql://db.internal/stock_alerts"))
                .isEqualTo(new DatabaseAddress("db.internal", 5432));
    }

    @Test
    void pointsTheUrlElsewhereKeepingDatabaseAndParameters() {
        assertThat(DatabaseAddress.through(
                        "jdbc:postgresql://127.0.0.1:5432/stockalerts_test_1?sslmode=disable", "127.0.0.1", 40123))
                .isEqualTo("jdbc:postgresql://127.0.0.1:40123/stockalerts_test_1?sslmode=disable");
        assertThat(DatabaseAddress.through("jdbc:postgresql://localhost/stock_alerts", "127.0.0.1", 40123))
                .isEqualTo("jdbc:postgresql://127.0.0.1:40123/stock_alerts");
    }

    @Test
    void refusesWhatIsNotOnePostgresqlServer() {
        assertThatThrownBy(() -> DatabaseAddress.of("jdbc:mysql://127.0.0.1/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseAddress.of("jdbc:postgresql://h1:5432,h2:5432/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
