package org.stockalerts.api.marketdata.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stockalerts.api.marketdata.query.StockViews.AnalyticsBar;
import org.stockalerts.api.marketdata.query.StockViews.DayStatistics;
import org.stockalerts.api.marketdata.query.StockViews.PriceBar;
import org.stockalerts.api.marketdata.query.StockViews.StockQuote;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;

/**
 * Reads the market history that persistence-consumer writes ({@code persistence.price_ticks}, the
 * newest tick of each symbol in {@code persistence.latest_ticks}) and the analytics it stores ({@code
 * persistence.stock_analytics}). Read-only: those tables belong to it.
 */
@Repository
@RequiredArgsConstructor
public class StockQueries {

    /** The newest analytics row of a bar interval, with the indicators it carried. */
    public record LatestAnalytics(
            AnalyticsBar bar, BigDecimal sma5, BigDecimal sma20, Signal signal, Instant signalChangedAt) {}

    private static final int PERCENT_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcTemplate jdbc;

    /** Whether a tick or an analytics row of {@code symbol} was ever stored. */
    public boolean known(Symbol symbol) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM persistence.latest_ticks WHERE symbol = ?)
                    OR EXISTS (SELECT 1 FROM persistence.stock_analytics WHERE symbol = ?)
                """, Boolean.class, symbol.value(), symbol.value()));
    }

    /** The newest stored tick of {@code symbol}, without analytics. */
    public Optional<StockQuote> latestTick(Symbol symbol) {
        return jdbc.query("""
                        SELECT price, observed_at, source, volume, day_open, day_high, day_low, previous_close
                          FROM persistence.latest_ticks
                         WHERE symbol = ?
                        """, (row, n) -> quote(symbol, row), symbol.value()).stream()
                .findFirst();
    }

    /** OHLC bars of {@code interval} over [from, to), aligned to the interval since 2000-01-01 UTC. */
    public List<PriceBar> bars(Symbol symbol, BarInterval interval, Instant from, Instant to) {
        return jdbc.query(
                """
                SELECT date_bin(CAST(? AS interval), observed_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket,
                       (array_agg(price ORDER BY observed_at, event_id))[1] AS open,
                       max(price) AS high,
                       min(price) AS low,
                       (array_agg(price ORDER BY observed_at DESC, event_id DESC))[1] AS close,
                       count(*) AS ticks
                  FROM persistence.price_ticks
                 WHERE symbol = ? AND observed_at >= ? AND observed_at < ?
                 GROUP BY bucket
                 ORDER BY bucket
                """,
                (row, n) -> {
                    Instant start = instant(row, "bucket");
                    return new PriceBar(
                            start,
                            start.plus(interval.duration()),
                            row.getBigDecimal("open"),
                            row.getBigDecimal("high"),
                            row.getBigDecimal("low"),
                            row.getBigDecimal("close"),
                            row.getLong("ticks"));
                },
                interval.sqlInterval(),
                symbol.value(),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** The newest bar of {@code interval} (an amendment wins over the bar it amends) and its indicators. */
    public Optional<LatestAnalytics> latestAnalytics(Symbol symbol, BarInterval interval) {
        return jdbc
                .query(
                        """
                        SELECT window_start, window_end, trading_date, open, high, low, close, volume, tick_count,
                               average, amended, sma5, sma20, signal, signal_changed_at
                          FROM persistence.stock_analytics
                         WHERE symbol = ? AND bar_interval = ANY (?)
                         ORDER BY window_start DESC, occurred_at DESC
                         LIMIT 1
                        """,
                        (row, n) -> analytics(row),
                        symbol.value(),
                        interval.analyticsNames().toArray(String[]::new))
                .stream()
                .findFirst();
    }

    /** Open, min, max, average and last price over [start, end) of the trading day {@code day}. */
    public Optional<DayStatistics> dayStatistics(Symbol symbol, LocalDate day, Instant start, Instant end) {
        return jdbc
                .query(
                        """
                        SELECT count(*) AS ticks, min(price) AS min, max(price) AS max, avg(price) AS average,
                               (array_agg(price ORDER BY observed_at, event_id))[1] AS open,
                               (array_agg(price ORDER BY observed_at DESC, event_id DESC))[1] AS last
                          FROM persistence.price_ticks
                         WHERE symbol = ? AND observed_at >= ? AND observed_at < ?
                        HAVING count(*) > 0
                        """,
                        (row, n) -> new DayStatistics(
                                day,
                                row.getBigDecimal("open"),
                                row.getBigDecimal("min"),
                                row.getBigDecimal("max"),
                                row.getBigDecimal("average").setScale(PERCENT_SCALE, RoundingMode.HALF_EVEN),
                                row.getBigDecimal("last"),
                                row.getLong("ticks")),
                        symbol.value(),
                        Timestamp.from(start),
                        Timestamp.from(end))
                .stream()
                .findFirst();
    }

    private static StockQuote quote(Symbol symbol, ResultSet row) throws SQLException {
        BigDecimal price = row.getBigDecimal("price");
        BigDecimal previousClose = row.getBigDecimal("previous_close");
        BigDecimal change = previousClose == null ? null : price.subtract(previousClose);
        BigDecimal percent = change == null || previousClose.signum() == 0
                ? null
                : change.multiply(HUNDRED).divide(previousClose, PERCENT_SCALE, RoundingMode.HALF_EVEN);
        long rawVolume = row.getLong("volume");
        Long volume = row.wasNull() ? null : rawVolume;
        return new StockQuote(
                symbol.value(),
                price,
                instant(row, "observed_at"),
                row.getString("source"),
                volume,
                row.getBigDecimal("day_open"),
                row.getBigDecimal("day_high"),
                row.getBigDecimal("day_low"),
                previousClose,
                change,
                percent,
                null);
    }

    private static LatestAnalytics analytics(ResultSet row) throws SQLException {
        AnalyticsBar bar = new AnalyticsBar(
                instant(row, "window_start"),
                instant(row, "window_end"),
                row.getObject("trading_date", LocalDate.class),
                row.getBigDecimal("open"),
                row.getBigDecimal("high"),
                row.getBigDecimal("low"),
                row.getBigDecimal("close"),
                row.getLong("volume"),
                row.getLong("tick_count"),
                row.getBigDecimal("average"),
                row.getBoolean("amended"));
        return new LatestAnalytics(
                bar,
                row.getBigDecimal("sma5"),
                row.getBigDecimal("sma20"),
                Signal.valueOf(row.getString("signal")),
                instant(row, "signal_changed_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
