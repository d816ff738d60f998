package org.stockalerts.api.portfolio;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.Symbol;

/**
 * Reads the latest tick per symbol from {@code persistence.latest_ticks} (kept by the persistence
 * service with every batch of ticks it stores). When that table cannot be read (not created yet, service not deployed) valuation goes
 * on without prices: every holding then carries a reason instead of a value.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LatestPrices {

    private static final Logger log = LoggerFactory.getLogger(LatestPrices.class);

    private static final String LATEST = "SELECT symbol, price, observed_at, previous_close"
            + " FROM persistence.latest_ticks WHERE symbol = ANY (?)";

    /** Why no holding has a price when the price history is unreadable. */
    static final String HISTORY_UNAVAILABLE = "price history unavailable";

    private final JdbcTemplate jdbc;

    /** The answer: quotes by symbol, or why there are none at all. */
    record Prices(Map<Symbol, LatestPrice> quotes, String unavailableReason) {}

    /** Must not run inside a write transaction: a failed read would abort it. */
    Prices latest(Collection<Symbol> symbols) {
        if (symbols.isEmpty()) {
            return new Prices(Map.of(), null);
        }
        String[] names = symbols.stream().map(Symbol::value).toArray(String[]::new);
        try {
            Map<Symbol, LatestPrice> quotes = jdbc
                    .query(
                            LATEST,
                            (row, n) -> new LatestPrice(
                                    Symbol.of(row.getString("symbol")),
                                    row.getBigDecimal("price"),
                                    row.getTimestamp("observed_at").toInstant(),
                                    row.getBigDecimal("previous_close")),
                            (Object) names)
                    .stream()
                    .collect(Collectors.toMap(LatestPrice::symbol, Function.identity()));
            return new Prices(quotes, null);
        } catch (DataAccessException e) {
            log.atWarn()
                    .addKeyValue("error", e.getMostSpecificCause().getMessage())
                    .log(HISTORY_UNAVAILABLE);
            return new Prices(Map.of(), HISTORY_UNAVAILABLE);
        }
    }
}
