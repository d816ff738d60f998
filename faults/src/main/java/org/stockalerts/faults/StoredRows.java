package org.stockalerts.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.stockalerts.testsupport.TestDatabase;

/** What the services stored in the run's database, counted by id (so a duplicate row would show). */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class StoredRows {

    private final TestDatabase.Endpoint database;

    /** persistence-consumer's alert history, by alertId. */
    Map<UUID, Integer> alerts() throws SQLException {
        return counts("SELECT alert_id, count(*) FROM persistence.alerts GROUP BY alert_id");
    }

    /** persistence-consumer's stored ticks, by eventId. */
    Map<UUID, Integer> ticks() throws SQLException {
        return counts("SELECT event_id, count(*) FROM persistence.price_ticks GROUP BY event_id");
    }

    /** alert-consumer's delivery log: the DELIVERED webhook attempts, by alertId. */
    Map<UUID, Integer> deliveredWebhooks() throws SQLException {
        return counts("SELECT alert_id, count(*) FROM alerting.alert_deliveries"
                + " WHERE channel = 'WEBHOOK' AND outcome = 'DELIVERED' GROUP BY alert_id");
    }

    /** api-service's outbox rows not yet published. */
    long unpublishedOutbox() throws SQLException {
        return count("SELECT count(*) FROM api.outbox WHERE published_at IS NULL");
    }

    /** alert-consumer's delivery attempts parked in the database, waiting to be made. */
    long parkedDeliveries() throws SQLException {
        return count("SELECT count(*) FROM alerting.delivery_retries");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Map<UUID, Integer> counts(String sql) throws SQLException {
        Map<UUID, Integer> counts = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getObject(1, UUID.class), rows.getInt(2));
            }
        }
        return counts;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
