package org.stockalerts.api.alerts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.api.web.PageResponse;
import org.stockalerts.common.event.Symbol;

/**
 * Reads the alerts that fired for a user from {@code persistence.alerts}, written by the
 * persistence service: newest first, filtered by symbol and a time range on when they fired.
 * Until that table exists the list is empty.
 */
@Component
class FiredAlerts {

    private static final Logger log = LoggerFactory.getLogger(FiredAlerts.class);

    private final JdbcTemplate jdbc;

    FiredAlerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One fired alert. */
    record FiredAlert(
            UUID alertId,
            UUID ruleId,
            String symbol,
            String condition,
            BigDecimal observedValue,
            String message,
            Instant observedAt,
            Instant triggeredAt) {}

    /**
     * @param from inclusive lower bound of {@code triggeredAt}, or null
     * @param to exclusive upper bound of {@code triggeredAt}, or null
     */
    PageResponse<FiredAlert> page(UUID userId, Symbol symbol, Instant from, Instant to, Pageable page) {
        StringBuilder where = new StringBuilder(" FROM persistence.alerts WHERE user_id = ?");
        List<Object> args = new ArrayList<>(List.of(userId));
        if (symbol != null) {
            where.append(" AND symbol = ?");
            args.add(symbol.value());
        }
        if (from != null) {
            where.append(" AND triggered_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND triggered_at < ?");
            args.add(Timestamp.from(to));
        }
        try {
            Long total = jdbc.queryForObject("SELECT count(*)" + where, Long.class, args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(page.getPageSize());
            pageArgs.add(page.getOffset());
            List<FiredAlert> items = jdbc.query(
                    "SELECT alert_id, rule_id, symbol, condition, observed_value, message, observed_at, triggered_at"
                            + where + " ORDER BY triggered_at DESC, alert_id LIMIT ? OFFSET ?",
                    (row, n) -> new FiredAlert(
                            row.getObject("alert_id", UUID.class),
                            row.getObject("rule_id", UUID.class),
                            row.getString("symbol"),
                            row.getString("condition"),
                            row.getBigDecimal("observed_value"),
                            row.getString("message"),
                            row.getTimestamp("observed_at").toInstant(),
                            row.getTimestamp("triggered_at").toInstant()),
                    pageArgs.toArray());
            return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total == null ? 0 : total);
        } catch (DataAccessException e) {
            log.atWarn()
                    .addKeyValue("userId", userId)
                    .addKeyValue("error", e.getMostSpecificCause().getMessage())
                    .log("fired alerts unavailable");
            return new PageResponse<>(List.of(), page.getPageNumber(), page.getPageSize(), 0);
        }
    }
}
