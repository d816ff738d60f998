package org.stockalerts.api.seedimport;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;

/**
 * The seed's stored prices become rows of {@code persistence.price_ticks}, the history the port's
 * quotes and charts read, as Alpha Vantage ticks (the Go version's only source). Written here in
 * batches rather than through Kafka: published ticks would be evaluated by the alert engine as if
 * they were live. Each tick's event id derives from its seed row, so a second run inserts nothing
 * ({@code ON CONFLICT DO NOTHING}). Prices older than the port's retention are left out (their
 * daily partition would be dropped at once); the days kept get their partitions as
 * persistence-consumer creates them, under its advisory lock.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PriceHistoryImport {

    private static final String INSERT = "INSERT INTO persistence.price_ticks (event_id, symbol, price, source,"
            + " observed_at, occurred_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private record Tick(UUID eventId, Symbol symbol, BigDecimal price, Instant observedAt) {}

    private final HistoryWrites writes;
    private final SeedImportSettings settings;
    private final Clock clock;

    void run(SeedReader seed, ImportReport report) throws SQLException {
        SeedTable table = SeedTable.STOCK_PRICES;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate oldestKept = today.minusDays(settings.tickRetentionDays());
        HistoryBatch<Tick> batch = new HistoryBatch<>(settings.batchSize(), ticks -> write(ticks, report));
        seed.eachKept(
                table,
                "p",
                "p.symbol, p.price::text AS price, p.\"timestamp\"::timestamptz AS observed_at",
                "stock_prices p",
                report,
                (id, row) -> {
                    Instant at = SeedValues.instant(row, "observed_at");
                    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
                    if (day.isBefore(oldestKept)) {
                        report.leftOut(
                                table,
                                1,
                                "prices older than the port keeps (" + settings.tickRetentionDays()
                                        + " days, STOCKALERTS_PERSISTENCE_TICK_RETENTION_DAYS)");
                    } else if (day.isAfter(today)) {
                        report.skipped(table, id, "observed in the future (" + at + ")");
                    } else {
                        batch.add(new Tick(
                                table.derivedId(id, "tick"),
                                Symbol.of(row.getString("symbol")),
                                SeedValues.price(row.getString("price")),
                                at));
                    }
                });
        batch.flush();
    }

    private void write(List<Tick> ticks, ImportReport report) {
        LocalDate first = ticks.stream()
                .map(PriceHistoryImport::day)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = ticks.stream()
                .map(PriceHistoryImport::day)
                .max(LocalDate::compareTo)
                .orElseThrow();
        writes.ensurePriceTickPartitions(first, last);
        writes.insert(report, SeedTable.STOCK_PRICES, INSERT, ticks, (statement, tick) -> {
            statement.setObject(1, tick.eventId());
            statement.setString(2, tick.symbol().value());
            statement.setBigDecimal(3, tick.price());
            statement.setString(4, TickSource.ALPHAVANTAGE.wireName());
            statement.setTimestamp(5, Timestamp.from(tick.observedAt()));
            statement.setTimestamp(6, Timestamp.from(tick.observedAt()));
        });
    }

    private static LocalDate day(Tick tick) {
        return LocalDate.ofInstant(tick.observedAt(), ZoneOffset.UTC);
    }
}
