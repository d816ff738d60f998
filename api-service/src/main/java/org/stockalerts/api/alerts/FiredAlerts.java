package org.stockalerts.api.alerts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.api.web.PageResponse;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.EventJson;

/**
 * Reads the alerts that fired for a user from {@code persistence.alerts}, written by the
 * persistence service: newest first, or in cursor order after a cursor, filtered by symbol and a time
 * range on when they fired. Until that table exists the list is empty.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FiredAlerts {

    private static final Logger log = LoggerFactory.getLogger(FiredAlerts.class);
    private static final String COLUMNS = "SELECT alert_id, rule_id, symbol, condition, observed_value, message,"
            + " observed_at, triggered_at, kafka_partition, kafka_offset, payload -> 'receipt' AS receipt";

    private final JdbcTemplate jdbc;

    /**
     * One fired alert.
     *
     * @param cursor its position in the user's alert sequence (the SSE id of the live stream), or its
     *     alertId when it was stored before positions were kept
     * @param receipt why it fired, as the engine saw it; null for alerts fired before receipts, and imported ones
     */
    record FiredAlert(
            UUID alertId,
            UUID ruleId,
            String symbol,
            String condition,
            BigDecimal observedValue,
            String message,
            Instant observedAt,
            Instant triggeredAt,
            String cursor,
            AlertReceipt receipt) {}

    /** The filters of a listing. */
    record Filter(UUID userId, Symbol symbol, Instant from, Instant to) {}

    /**
     * Newest first.
     *
     * @param filter {@code from} inclusive and {@code to} exclusive bounds of {@code triggeredAt}, or null
     */
    PageResponse<FiredAlert> page(Filter filter, Pageable page) {
        Where where = where(filter);
        return read(filter, page.getPageNumber(), page.getPageSize(), () -> {
            long total = count(where);
            List<Object> args = new ArrayList<>(where.args());
            args.add(page.getPageSize());
            args.add(page.getOffset());
            List<FiredAlert> items = jdbc.query(
                    COLUMNS + where.sql() + " ORDER BY triggered_at DESC, alert_id LIMIT ? OFFSET ?",
                    FiredAlerts::row,
                    args.toArray());
            return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total);
        });
    }

    /**
     * The first {@code size} alerts after {@code point}, in the order the live stream sends them; {@code
     * total} counts all of them.
     */
    PageResponse<FiredAlert> after(Filter filter, ResumePoint point, int size) {
        Where where = where(filter).and(point.after());
        return read(filter, 0, size, () -> {
            List<Object> args = new ArrayList<>(where.args());
            args.add(size);
            List<FiredAlert> items = jdbc.query(
                    COLUMNS + where.sql() + ResumePoint.ORDER + " LIMIT ?", FiredAlerts::row, args.toArray());
            return new PageResponse<>(items, 0, size, count(where));
        });
    }

    private record Where(String sql, List<Object> args) {

        Where and(ResumePoint.Condition condition) {
            List<Object> all = new ArrayList<>(args);
            all.addAll(condition.args());
            return new Where(sql + " AND " + condition.sql(), all);
        }
    }

    private static Where where(Filter filter) {
        StringBuilder where = new StringBuilder(" FROM persistence.alerts WHERE user_id = ?");
        List<Object> args = new ArrayList<>(List.of(filter.userId()));
        if (filter.symbol() != null) {
            where.append(" AND symbol = ?");
            args.add(filter.symbol().value());
        }
        if (filter.from() != null) {
            where.append(" AND triggered_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND triggered_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        return new Where(where.toString(), args);
    }

    private long count(Where where) {
        Long total = jdbc.queryForObject(
                "SELECT count(*)" + where.sql(), Long.class, where.args().toArray());
        return total == null ? 0 : total;
    }

    private PageResponse<FiredAlert> read(Filter filter, int page, int size, Supplier<PageResponse<FiredAlert>> query) {
        try {
            return query.get();
        } catch (DataAccessException e) {
            log.atWarn()
                    .addKeyValue("userId", filter.userId())
                    .addKeyValue("error", e.getMostSpecificCause().getMessage())
                    .log("fired alerts unavailable");
            return new PageResponse<>(List.of(), page, size, 0);
        }
    }

    private static FiredAlert row(ResultSet row, int n) throws SQLException {
        UUID alertId = row.getObject("alert_id", UUID.class);
        Integer partition = row.getObject("kafka_partition", Integer.class);
        return new FiredAlert(
                alertId,
                row.getObject("rule_id", UUID.class),
                row.getString("symbol"),
                row.getString("condition"),
                row.getBigDecimal("observed_value"),
                row.getString("message"),
                row.getTimestamp("observed_at").toInstant(),
                row.getTimestamp("triggered_at").toInstant(),
                partition == null
                        ? alertId.toString()
                        : new AlertCursor(partition, row.getLong("kafka_offset")).toString(),
                receipt(row.getString("receipt")));
    }

    private static AlertReceipt receipt(String json) {
        return json == null || json.equals("null") ? null : EventJson.mapper().readValue(json, AlertReceipt.class);
    }
}
