package org.stockalerts.api.marketdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockalerts.common.event.Symbol;

/**
 * The symbols that matter: every symbol held in a portfolio or named by an active alert rule, with
 * the last time a user changed such a holding or rule, plus the configured extras, less the configured
 * exclusions (symbols another producer feeds).
 */
public final class WatchedSymbols implements SymbolSource {

    private static final String QUERY = """
            SELECT symbol, max(updated_at) AS touched_at
              FROM (SELECT symbol, updated_at FROM api.holdings
                    UNION ALL
                    SELECT symbol, updated_at FROM api.alert_rules
                     WHERE status = 'ACTIVE' AND symbol IS NOT NULL) watched
             GROUP BY symbol
            """;

    private final JdbcTemplate jdbc;
    private final List<Symbol> extras;
    private final Set<Symbol> excluded;

    public WatchedSymbols(JdbcTemplate jdbc, List<Symbol> extras, Set<Symbol> excluded) {
        this.jdbc = jdbc;
        this.extras = List.copyOf(extras);
        this.excluded = Set.copyOf(excluded);
    }

    @Override
    public List<WatchedSymbol> watchedSymbols() {
        List<WatchedSymbol> watched = new ArrayList<>(jdbc.query(
                QUERY,
                (row, n) -> new WatchedSymbol(
                        Symbol.of(row.getString("symbol")),
                        row.getTimestamp("touched_at").toInstant())));
        extras.forEach(symbol -> watched.add(new WatchedSymbol(symbol, Instant.MIN)));
        watched.removeIf(symbol -> excluded.contains(symbol.symbol()));
        return watched;
    }
}
