package org.stockalerts.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.stockalerts.common.event.Bar;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.testsupport.TestDatabase;

/** What the services stored in the run's database, counted by id (so a duplicate row would show). */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class StoredRows {

    private final TestDatabase.Endpoint database;

    /** persistence-consumer's alert history, by alertId. */
    Map<UUID, Integer> alerts() throws SQLException {
        return counts("SELECT alert_id, count(*) FROM persistence.alerts GROUP BY alert_id");
    }

    /**
     * persistence-consumer's stored ticks, by eventId; not those of the market-data poller's simulated feed (S1 runs
     * it on symbols of its own; the load's ticks are {@code replay}).
     */
    Map<UUID, Integer> ticks() throws SQLException {
        return counts("SELECT event_id, count(*) FROM persistence.price_ticks WHERE source <> 'simulated'"
                + " GROUP BY event_id");
    }

    /**
     * persistence-consumer's stored bars (a row per revision), the latest revision of each: the
     * latest occurredAt, an amendment before the bar it amends.
     */
    Map<BarOutcome.Key, BarOutcome> bars() throws SQLException {
        Map<BarOutcome.Key, BarOutcome> bars = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT DISTINCT ON (symbol, bar_interval, window_start) symbol, bar_interval, window_start,"
                                + " window_end, trading_date, open, high, low, close, volume, tick_count, average,"
                                + " sma5, sma20, signal, signal_changed_at FROM persistence.stock_analytics"
                                + " ORDER BY symbol, bar_interval, window_start, occurred_at DESC, amended DESC");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Instant windowStart = instant(rows, "window_start");
                Bar bar = new Bar(
                        windowStart,
                        instant(rows, "window_end"),
                        rows.getObject("trading_date", LocalDate.class),
                        rows.getBigDecimal("open"),
                        rows.getBigDecimal("high"),
                        rows.getBigDecimal("low"),
                        rows.getBigDecimal("close"),
                        rows.getLong("volume"),
                        rows.getLong("tick_count"),
                        rows.getBigDecimal("average"));
                bars.put(
                        new BarOutcome.Key(
                                Symbol.of(rows.getString("symbol")),
                                Duration.parse(rows.getString("bar_interval")),
                                windowStart),
                        new BarOutcome(
                                bar,
                                rows.getBigDecimal("sma5"),
                                rows.getBigDecimal("sma20"),
                                Signal.valueOf(rows.getString("signal")),
                                instant(rows, "signal_changed_at")));
            }
        }
        return bars;
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

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
