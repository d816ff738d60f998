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
import javax.sql.DataSource;
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
class RecordedTicks {

    private static final String TICK_COLUMNS = "event_id, occurred_at, symbol, price, volume, day_open, day_high,"
            + " day_low, previous_close, source, observed_at";

    /** Rows fetched at a time: a replay streams its range instead of holding it in memory. */
    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;

    RecordedTicks(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(FETCH_SIZE);
    }

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
     * Warms {@code replay} up for a replay from {@code from} with what the engine would hold of the symbol then: the
     * last stored tick before the rule's history, then the last tick of each minute of its history (its window and
     * two minutes), all before {@code from}; at most the window and three ticks, however busy the symbol. A tick
     * that shares its instant with others counts by its lowest event id, as in the replay.
     */
    void warmUp(RuleReplay replay, Symbol symbol, Instant from) {
        Instant historyStart = from.minus(Duration.ofMinutes(replay.historyMinutes() + 1L));
        jdbc.query(
                "SELECT " + TICK_COLUMNS + """
                         FROM persistence.price_ticks
                        WHERE symbol = ? AND observed_at < ?
                        ORDER BY observed_at DESC, event_id
                        LIMIT 1
                        """,
                row -> {
                    replay.warmUp(tick(row));
                },
                symbol.value(),
                Timestamp.from(historyStart));
        jdbc.query(
                "SELECT DISTINCT ON (date_trunc('minute', observed_at)) " + TICK_COLUMNS + """
                         FROM persistence.price_ticks
                        WHERE symbol = ? AND observed_at >= ? AND observed_at < ?
                        ORDER BY date_trunc('minute', observed_at), observed_at DESC, event_id
                        """,
                row -> {
                    replay.warmUp(tick(row));
                },
                symbol.value(),
                Timestamp.from(historyStart),
                Timestamp.from(from));
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
                plain(row.getBigDecimal("day_open")),
                plain(row.getBigDecimal("day_high")),
                plain(row.getBigDecimal("day_low")),
                plain(row.getBigDecimal("previous_close")),
                TickSource.fromWire(row.getString("source")),
                row.getTimestamp("observed_at").toInstant());
    }

    /**
     * A stored price without the column's trailing zeros ({@code 200.00000000} back to {@code 200}); null stays null.
     * The column keeps the value, not the scale the producer wrote ({@code 200.10} reads back as {@code 200.1}).
     */
    private static BigDecimal plain(BigDecimal price) {
        if (price == null) {
            return null;
        }
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
