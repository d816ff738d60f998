package org.stockalerts.api.marketdata.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.stockalerts.common.event.Signal;

/** The JSON shapes of the {@code /stocks} routes. */
public final class StockViews {

    private StockViews() {}

    /**
     * The latest price of a symbol and, when the analytics service has produced them, its moving
     * averages and signal.
     *
     * @param change price minus previous close, when the previous close is known
     * @param changePercent that change in percent of the previous close
     */
    public record StockQuote(
            String symbol,
            BigDecimal price,
            Instant observedAt,
            String source,
            Long volume,
            BigDecimal dayOpen,
            BigDecimal dayHigh,
            BigDecimal dayLow,
            BigDecimal previousClose,
            BigDecimal change,
            BigDecimal changePercent,
            Indicators analytics) {}

    /** Moving averages and signal of the newest bar of one interval. */
    public record Indicators(
            String interval,
            Instant barEnd,
            BigDecimal sma5,
            BigDecimal sma20,
            Signal signal,
            Instant signalChangedAt) {}

    /** One OHLC bar computed from stored ticks; {@code start} is inclusive, {@code end} exclusive. */
    public record PriceBar(
            Instant start,
            Instant end,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            long ticks) {}

    public record History(String symbol, String interval, Instant from, Instant to, List<PriceBar> bars) {}

    /** A bar as the analytics service published it. */
    public record AnalyticsBar(
            Instant windowStart,
            Instant windowEnd,
            LocalDate tradingDate,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            long volume,
            long tickCount,
            BigDecimal average,
            boolean amended) {}

    /** Statistics of the current trading day, from the stored ticks. */
    public record DayStatistics(
            LocalDate tradingDate,
            BigDecimal open,
            BigDecimal min,
            BigDecimal max,
            BigDecimal average,
            BigDecimal last,
            long ticks) {}

    /** The analytics of one symbol: latest bar, today's statistics, SMA5, SMA20 and the signal. */
    public record StockAnalytics(
            String symbol,
            String interval,
            AnalyticsBar latestBar,
            DayStatistics today,
            BigDecimal sma5,
            BigDecimal sma20,
            Signal signal,
            Instant signalChangedAt) {}
}
