package org.stockalerts.api.seedimport;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.stockalerts.api.portfolio.Portfolios;
import org.stockalerts.common.event.Symbol;

/**
 * Seed portfolios become the imported users' portfolios, created as a body-less {@code POST
 * /users/{id}/portfolio} creates them ({@code PortfolioChanged} in the outbox). Seed stock entries
 * (a symbol and a threshold, no quantity) become watch entries with their price-at-or-above rules,
 * added as {@code POST /portfolio/{id}/stocks} adds them: a second threshold on a symbol adds a second
 * rule. The rules reach the alert engine through the outbox.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortfolioImport {

    private final Portfolios portfolios;
    private final SeedMappings mappings;
    private final RowImports rows;

    void runPortfolios(SeedReader seed, ImportReport report) throws SQLException {
        Map<Long, UUID> imported = mappings.imported(SeedTable.PORTFOLIOS);
        Map<Long, UUID> users = mappings.imported(SeedTable.USERS);
        seed.eachKept(SeedTable.PORTFOLIOS, "p", "p.user_id", "portfolios p", report, (id, row) -> {
            long seedUser = row.getLong("user_id");
            UUID user = row.wasNull() ? null : users.get(seedUser);
            if (imported.containsKey(id)) {
                report.alreadyImported(SeedTable.PORTFOLIOS, 1);
            } else if (user == null) {
                report.skipped(
                        SeedTable.PORTFOLIOS, id, "its user " + SeedTable.USERS.row(seedUser) + " was not imported");
            } else {
                rows.importRow(
                        report,
                        SeedTable.PORTFOLIOS,
                        id,
                        () -> mappings.record(
                                SeedTable.PORTFOLIOS,
                                id,
                                portfolios.ensurePortfolio(user).id()));
            }
        });
    }

    /** Stock entries, after their portfolios. */
    void runStocks(SeedReader seed, ImportReport report) throws SQLException {
        Map<Long, UUID> imported = mappings.imported(SeedTable.STOCKS);
        Map<Long, UUID> portfolioIds = mappings.imported(SeedTable.PORTFOLIOS);
        Map<Long, UUID> users = mappings.imported(SeedTable.USERS);
        seed.eachKept(
                SeedTable.STOCKS,
                "s",
                "s.portfolio_id, p.user_id, s.stock_symbol, s.threshold_price::text AS threshold_price",
                "stocks s LEFT JOIN portfolios p ON p.id = s.portfolio_id",
                report,
                (id, row) -> {
                    long seedPortfolio = row.getLong("portfolio_id");
                    UUID portfolio = row.wasNull() ? null : portfolioIds.get(seedPortfolio);
                    UUID owner = users.get(row.getLong("user_id"));
                    String symbol = row.getString("stock_symbol");
                    String threshold = row.getString("threshold_price");
                    if (imported.containsKey(id)) {
                        report.alreadyImported(SeedTable.STOCKS, 1);
                    } else if (portfolio == null || owner == null) {
                        report.skipped(
                                SeedTable.STOCKS,
                                id,
                                "its portfolio " + SeedTable.PORTFOLIOS.row(seedPortfolio) + " was not imported");
                    } else {
                        rows.importRow(report, SeedTable.STOCKS, id, () -> {
                            UUID entry = portfolios
                                    .addWatchEntry(
                                            owner,
                                            portfolio,
                                            Symbol.of(symbol),
                                            SeedValues.decimal(threshold, "threshold"))
                                    .id();
                            mappings.record(SeedTable.STOCKS, id, entry);
                        });
                    }
                });
    }
}
