package org.stockalerts.api.marketdata.query;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.stockalerts.api.marketdata.MarketDataSettings;
import org.stockalerts.api.marketdata.query.StockQueries.LatestAnalytics;
import org.stockalerts.api.marketdata.query.StockViews.DayStatistics;
import org.stockalerts.api.marketdata.query.StockViews.History;
import org.stockalerts.api.marketdata.query.StockViews.Indicators;
import org.stockalerts.api.marketdata.query.StockViews.StockAnalytics;
import org.stockalerts.api.marketdata.query.StockViews.StockQuote;
import org.stockalerts.api.web.JsonAnswer;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;

/**
 * Quotes, history and analytics of a symbol, read from what persistence-consumer stored. A symbol
 * never seen is a 404 problem; a bad symbol, range or interval a 400 problem.
 */
@RestController
@RequestMapping("/stocks/{symbol}")
public class StockController {

    private final StockQueries queries;
    private final StockQuerySettings settings;
    private final ZoneId exchangeZone;
    private final Clock clock;

    public StockController(
            StockQueries queries, StockQuerySettings settings, MarketDataSettings marketData, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.exchangeZone = marketData.exchangeZone();
        this.clock = clock;
    }

    @GetMapping
    @JsonAnswer(StockExamples.QUOTE)
    StockQuote quote(@PathVariable("symbol") String raw) {
        Symbol symbol = symbol(raw);
        StockQuote tick = queries.latestTick(symbol).orElseThrow(() -> unknown(symbol));
        BarInterval interval = BarInterval.parse(settings.quoteAnalyticsInterval());
        Indicators indicators = queries.latestAnalytics(symbol, interval)
                .map(latest -> new Indicators(
                        interval.label(),
                        latest.bar().windowEnd(),
                        latest.sma5(),
                        latest.sma20(),
                        latest.signal(),
                        latest.signalChangedAt()))
                .orElse(null);
        return new StockQuote(
                tick.symbol(),
                tick.price(),
                tick.observedAt(),
                tick.source(),
                tick.volume(),
                tick.dayOpen(),
                tick.dayHigh(),
                tick.dayLow(),
                tick.previousClose(),
                tick.change(),
                tick.changePercent(),
                indicators);
    }

    @GetMapping("/history")
    @JsonAnswer(StockExamples.HISTORY)
    History history(
            @PathVariable("symbol") String raw,
            @RequestParam(name = "from", required = false) String fromParam,
            @RequestParam(name = "to", required = false) String toParam,
            @RequestParam(name = "interval", required = false) String intervalParam) {
        Symbol symbol = symbol(raw);
        BarInterval interval = intervalParam == null ? null : interval(intervalParam);
        Instant to = toParam == null ? clock.instant() : instant("to", toParam);
        Instant from = fromParam == null ? null : instant("from", fromParam);
        HistoryWindow window;
        try {
            window = HistoryWindow.choose(from, to, interval, settings.defaultRange(), settings.maxBars());
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        requireKnown(symbol);
        return new History(
                symbol.value(),
                window.interval().label(),
                window.from(),
                window.to(),
                queries.bars(symbol, window.interval(), window.from(), window.to()));
    }

    @GetMapping("/analytics")
    @JsonAnswer(StockExamples.ANALYTICS)
    StockAnalytics analytics(
            @PathVariable("symbol") String raw,
            @RequestParam(name = "interval", defaultValue = "1m") String intervalParam) {
        Symbol symbol = symbol(raw);
        BarInterval interval = interval(intervalParam);
        requireKnown(symbol);
        LatestAnalytics latest = queries.latestAnalytics(symbol, interval).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(exchangeZone));
        DayStatistics day = queries.dayStatistics(
                        symbol,
                        today,
                        today.atStartOfDay(exchangeZone).toInstant(),
                        today.plusDays(1).atStartOfDay(exchangeZone).toInstant())
                .orElse(null);
        if (latest == null) {
            return new StockAnalytics(symbol.value(), interval.label(), null, day, null, null, Signal.NEUTRAL, null);
        }
        return new StockAnalytics(
                symbol.value(),
                interval.label(),
                latest.bar(),
                day,
                latest.sma5(),
                latest.sma20(),
                latest.signal(),
                latest.signalChangedAt());
    }

    private void requireKnown(Symbol symbol) {
        if (!queries.known(symbol)) {
            throw unknown(symbol);
        }
    }

    private static Symbol symbol(String raw) {
        try {
            return Symbol.of(raw);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    private static BarInterval interval(String label) {
        try {
            return BarInterval.parse(label);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw badRequest(
                    "'" + name + "' must be an ISO-8601 instant such as 2026-03-02T14:30:00Z, was '" + value + "'");
        }
    }

    private static ResponseStatusException unknown(Symbol symbol) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no market data for symbol " + symbol);
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
