package org.stockalerts.api.alerts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.rules.RuleReplay;

/**
 * The ticks persistence-consumer stored ({@code persistence.price_ticks}, the newest of each symbol in {@code
 * persistence.latest_ticks}), read back as the {@link PriceTick}s the engine saw. Read-only: those tables belong to
 * persistence-consumer.
 */
@Repository
@RequiredArgsConstructor
class RecordedTicks {

    private static final String TICK_COLUMNS = "event_id, occurred_at, symbol, price, volume, day_open, day_high,"
            + " day_low, previous_close, source, observed_at";

    private final JdbcTemplate jdbc;

    /** The newest stored tick of {@code symbol}. */
    Optional<PriceTick> latest(Symbol symbol) {
        return jdbc
                .query(
                        "SELECT " + TICK_COLUMNS + " FROM persistence.latest_ticks WHERE symbol = ?",
                        (row, n) -> tick(row),
                        symbol.value())
                .stream()
                .findFirst();
    }

    /** How many ticks of {@code symbol} were stored for {@code [from, to)}, counting up to {@code limit}. */
    long countUpTo(Symbol symbol, Instant from, Instant to, long limit) {
        Long count =
                jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT 1 FROM persistence.price_ticks
                                       WHERE symbol = ? AND observed_at >= ? AND observed_at < ? LIMIT ?) AS bounded
                """, Long.class, symbol.value(), Timestamp.from(from), Timestamp.from(to), limit);
        return count == null ? 0 : count;
    }

    /**
     * Warms {@code replay} up for a replay from {@code from}: the last stored tick before the rule's history, then
     * every tick of its history (its window and a minute), all before {@code from}.
     */
    void warmUp(RuleReplay replay, Symbol symbol, Instant from) {
        Instant historyStart = from.minus(Duration.ofMinutes(replay.historyMinutes() + 1L));
        jdbc.query(
                "SELECT " + TICK_COLUMNS + """
                         FROM persistence.price_ticks
                        WHERE symbol = ? AND observed_at < ?
                        ORDER BY observed_at DESC, event_id DESC LIMIT 1
                        """,
                row -> {
                    replay.warmUp(tick(row));
                },
                symbol.value(),
                Timestamp.from(historyStart));
        each(symbol, historyStart, from, replay::warmUp);
    }

    /** Every tick of {@code symbol} stored for {@code [from, to)}, in stored order. */
    void each(Symbol symbol, Instant from, Instant to, Consumer<PriceTick> each) {
        jdbc.query(
                "SELECT " + TICK_COLUMNS + """
                         FROM persistence.price_ticks
                        WHERE symbol = ? AND observed_at >= ? AND observed_at < ?
                        ORDER BY observed_at, event_id
                        """,
                row -> {
                    each.accept(tick(row));
                },
                symbol.value(),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    private static PriceTick tick(ResultSet row) throws SQLException {
        Long volume = row.getObject("volume", Long.class);
        return new PriceTick(
                row.getObject("event_id", UUID.class),
                row.getTimestamp("occurred_at").toInstant(),
                PriceTick.CURRENT_VERSION,
                Symbol.of(row.getString("symbol")),
                plain(row.getBigDecimal("price")),
                volume,
                row.getBigDecimal("day_open"),
                row.getBigDecimal("day_high"),
                row.getBigDecimal("day_low"),
                row.getBigDecimal("previous_close"),
                TickSource.fromWire(row.getString("source")),
                row.getTimestamp("observed_at").toInstant());
    }

    /** A stored price without the column's trailing zeros ({@code 200.00000000} back to {@code 200}). */
    private static BigDecimal plain(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
