package org.stockalerts.api.seedimport;

import java.io.PrintStream;
import java.sql.SQLException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Copies a Go version's database into the port, table by table in dependency order: users,
 * portfolios, stock entries, then the alert and price history. Accounts go through the API's own
 * services, so their events reach the outbox in the same transactions (the relay of any running, or
 * later started, api-service publishes them; the import itself needs no Kafka).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SeedImporter {

    private final JdbcTemplate jdbc;
    private final UserImport users;
    private final PortfolioImport portfolios;
    private final AlertHistoryImport alerts;
    private final PriceHistoryImport prices;

    /** Imports what {@code options} names, reporting on {@code out}; fails (and imports nothing) when a table is missing. */
    ImportReport run(SeedImportOptions options, PrintStream out) throws SQLException {
        requireHistoryTables();
        ImportReport report = new ImportReport(out);
        try (SeedReader seed = SeedReader.open(options)) {
            requireSeedTables(seed);
            try (KeysFile keys = KeysFile.open(options.keysOut())) {
                users.run(seed, keys, report);
                out.println("API keys of " + keys.written() + " newly imported users appended to " + keys.path()
                        + " (mode 0600); users imported before keep the keys issued then");
            }
            portfolios.runPortfolios(seed, report);
            portfolios.runStocks(seed, report);
            alerts.run(seed, report);
            prices.run(seed, report);
            if (seed.hasTable(SeedTable.STOCK_ANALYTICS)) {
                report.leftOut(
                        SeedTable.STOCK_ANALYTICS,
                        seed.count(SeedTable.STOCK_ANALYTICS),
                        "the port computes its bars and SMA5/SMA20 signals from the prices it receives");
            }
            report.printSummary();
        }
        return report;
    }

    private void requireHistoryTables() {
        Boolean present = jdbc.queryForObject(
                "SELECT to_regclass('persistence.alerts') IS NOT NULL AND to_regclass('persistence.price_ticks') IS NOT NULL",
                Boolean.class);
        if (!Boolean.TRUE.equals(present)) {
            throw new IllegalStateException("the port's history tables (schema persistence) do not exist yet: start the"
                    + " services once (./stock-alerts start) so persistence-consumer creates them, then import");
        }
    }

    private static void requireSeedTables(SeedReader seed) throws SQLException {
        for (SeedTable table : new SeedTable[] {
            SeedTable.USERS, SeedTable.PORTFOLIOS, SeedTable.STOCKS, SeedTable.ALERTS, SeedTable.STOCK_PRICES
        }) {
            if (!seed.hasTable(table)) {
                throw new IllegalStateException("the seed database has no table " + table.tableName()
                        + ": is --from the Go version's database?");
            }
        }
    }
}
