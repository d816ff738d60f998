package org.stockalerts.api.marketdata.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/** The /stocks routes over the real database, through authentication, with persistence's tables from its migrations. */
class StockRoutesTest extends ApiIntegrationTestSupport {

    private static final Instant T0 = Instant.parse("2024-11-15T14:30:00Z");

    @Autowired
    JdbcTemplate database;

    private TestUser user;
    private String symbol;

    @BeforeEach
    void setUp() {
        user = registerUser("market watcher");
        symbol = "S"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    @Test
    void quoteShowsTheLatestTickWithItsChangeAndTheLatestSignal() {
        // Given two ticks and a one-minute analytics row
        tick(T0, "100.00", 1000L, "99.00");
        tick(T0.plusSeconds(30), "101.50", 1500L, "99.00");
        analytics("PT1M", T0, "101.00", "100.50", "100.20", "BULLISH", T0.plusSeconds(60), T0, false);

        // When the quote is asked for
        JsonNode quote = json(get(user, "/stocks/" + symbol.toLowerCase()));

        // Then it is the newest tick, its change against the previous close, and the signal
        assertThat(quote.get("symbol").asString()).isEqualTo(symbol);
        assertThat(quote.get("price").decimalValue()).isEqualByComparingTo("101.50");
        assertThat(quote.get("observedAt").asString()).isEqualTo("2024-11-15T14:30:30Z");
        assertThat(quote.get("volume").asLong()).isEqualTo(1500);
        assertThat(quote.get("change").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(quote.get("changePercent").decimalValue()).isEqualByComparingTo("2.5253");
        assertThat(quote.get("source").asString()).isEqualTo("simulated");
        JsonNode analytics = quote.get("analytics");
        assertThat(analytics.get("sma5").decimalValue()).isEqualByComparingTo("100.50");
        assertThat(analytics.get("sma20").decimalValue()).isEqualByComparingTo("100.20");
        assertThat(analytics.get("signal").asString()).isEqualTo("BULLISH");
    }

    @Test
    void unknownSymbolIsA404ProblemOnEveryRoute() {
        // Given a symbol never seen

        // Then every route answers 404 with a problem detail
        assertProblem(get(user, "/stocks/" + symbol), 404);
        assertProblem(get(user, "/stocks/" + symbol + "/history?interval=1h"), 404);
        assertProblem(get(user, "/stocks/" + symbol + "/analytics"), 404);
    }

    @Test
    void routesNeedAnApiKey() {
        // Given a known symbol
        tick(T0, "100.00", 1L, null);

        // When asked without a key
        MvcTestResult result = mvc.get().uri("/stocks/" + symbol).exchange();

        // Then it is refused
        assertThat(result).hasStatus(401);
    }

    @Test
    void historyBuildsOhlcBarsFromTheStoredTicks() {
        // Given ticks in two five-minute buckets
        tick(T0.plusSeconds(10), "100", 1L, null);
        tick(T0.plusSeconds(70), "103", 2L, null);
        tick(T0.plusSeconds(200), "99", 3L, null);
        tick(T0.plusSeconds(290), "101", 4L, null);
        tick(T0.plusSeconds(310), "105", 5L, null);

        // When the five-minute history of that quarter hour is asked for
        JsonNode history = json(get(
                user, "/stocks/" + symbol + "/history?interval=5m&from=2024-11-15T14:30:00Z&to=2024-11-15T14:45:00Z"));

        // Then there are two bars with open, high, low, close and tick count
        JsonNode bars = history.get("bars");
        assertThat(bars.size()).isEqualTo(2);
        JsonNode first = bars.get(0);
        assertThat(first.get("start").asString()).isEqualTo("2024-11-15T14:30:00Z");
        assertThat(first.get("end").asString()).isEqualTo("2024-11-15T14:35:00Z");
        assertDecimals(first, "open", "100", "high", "103", "low", "99", "close", "101");
        assertThat(first.get("ticks").asLong()).isEqualTo(4);
        assertThat(bars.get(1).get("open").decimalValue()).isEqualByComparingTo("105");
    }

    @Test
    void historyWithoutParametersAnswersWithTheIntervalAndRangeItChose() {
        // Given a known symbol
        tick(Instant.now().minusSeconds(30), "100.00", 1L, null);

        // When its history is asked for with no parameters, or with only an interval
        JsonNode history = json(get(user, "/stocks/" + symbol + "/history"));
        JsonNode minutes = json(get(user, "/stocks/" + symbol + "/history?interval=1m"));

        // Then a day of five-minute bars (a day of one-minute bars is over the limit of 1,000) holds the tick, and
        // one-minute bars cover the last 1,000 minutes
        assertThat(history.get("interval").asString()).isEqualTo("5m");
        assertThat(Duration.between(
                        Instant.parse(history.get("from").asString()),
                        Instant.parse(history.get("to").asString())))
                .isEqualTo(Duration.ofDays(1));
        assertThat(history.get("bars").size()).isEqualTo(1);
        assertThat(minutes.get("interval").asString()).isEqualTo("1m");
        assertThat(Duration.between(
                        Instant.parse(minutes.get("from").asString()),
                        Instant.parse(minutes.get("to").asString())))
                .isEqualTo(Duration.ofMinutes(1000));
    }

    @Test
    void badRangesAndIntervalsAre400Problems() {
        // Given a known symbol
        tick(T0, "100.00", 1L, null);
        String history = "/stocks/" + symbol + "/history";

        // Then a bad interval, a reversed range, a range of too many bars, a bad instant and a bad symbol fail with 400
        assertProblem(get(user, history + "?interval=2m"), 400);
        assertProblem(get(user, history + "?from=2024-11-15T15:00:00Z&to=2024-11-15T14:00:00Z"), 400);
        assertProblem(get(user, history + "?interval=1m&from=2024-01-01T00:00:00Z&to=2024-11-15T00:00:00Z"), 400);
        assertProblem(get(user, history + "?from=yesterday"), 400);
        assertProblem(get(user, "/stocks/" + symbol + "/analytics?interval=1w"), 400);
        assertProblem(get(user, "/stocks/no$such"), 400);
    }

    @Test
    void analyticsShowLatestBarIndicatorsSignalChangeAndTodaysStatistics() {
        // Given two one-minute bars, the second amended by a late tick, and three ticks today
        analytics("PT1M", T0, "100", "99", "98", "NEUTRAL", null, T0.plusSeconds(61), false);
        Instant flip = T0.plusSeconds(120);
        analytics("PT1M", T0.plusSeconds(60), "102", "100", "99", "BULLISH", flip, T0.plusSeconds(121), false);
        analytics("PT1M", T0.plusSeconds(60), "103", "100.2", "99.1", "BULLISH", flip, T0.plusSeconds(150), true);
        Instant now = Instant.now();
        tick(now.minusSeconds(3), "10", 1L, null);
        tick(now.minusSeconds(2), "14", 2L, null);
        tick(now.minusSeconds(1), "12", 3L, null);

        // When the one-minute analytics are asked for
        JsonNode analytics = json(get(user, "/stocks/" + symbol + "/analytics?interval=1m"));

        // Then the amended newest bar, its SMAs and signal, and today's min/max/average/count are shown
        JsonNode bar = analytics.get("latestBar");
        assertThat(bar.get("windowStart").asString()).isEqualTo("2024-11-15T14:31:00Z");
        assertThat(bar.get("close").decimalValue()).isEqualByComparingTo("103");
        assertThat(bar.get("amended").asBoolean()).isTrue();
        assertThat(analytics.get("sma5").decimalValue()).isEqualByComparingTo("100.2");
        assertThat(analytics.get("sma20").decimalValue()).isEqualByComparingTo("99.1");
        assertThat(analytics.get("signal").asString()).isEqualTo("BULLISH");
        assertThat(analytics.get("signalChangedAt").asString()).isEqualTo("2024-11-15T14:32:00Z");
        JsonNode today = analytics.get("today");
        assertThat(today.get("tradingDate").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("America/New_York")).toString());
        assertDecimals(today, "min", "10", "max", "14", "average", "12", "open", "10", "last", "12");
        assertThat(today.get("ticks").asLong()).isEqualTo(3);
    }

    private void tick(Instant at, String price, Long volume, String previousClose) {
        storeTick(symbol, price, volume, previousClose, at);
    }

    private void analytics(
            String interval,
            Instant windowStart,
            String close,
            String sma5,
            String sma20,
            String signal,
            Instant signalChangedAt,
            Instant occurredAt,
            boolean amended) {
        database.update(
                """
                INSERT INTO persistence.stock_analytics (event_id, symbol, bar_interval, window_start, window_end,
                    trading_date, open, high, low, close, volume, tick_count, average, sma5, sma20, signal,
                    signal_changed, signal_changed_at, amended, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 100, 3, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                UUID.randomUUID(),
                symbol,
                interval,
                Timestamp.from(windowStart),
                Timestamp.from(windowStart.plusSeconds(60)),
                LocalDate.of(2024, 11, 15),
                new BigDecimal(close),
                new BigDecimal(close),
                new BigDecimal(close),
                new BigDecimal(close),
                new BigDecimal(close),
                new BigDecimal(sma5),
                new BigDecimal(sma20),
                signal,
                signalChangedAt != null,
                signalChangedAt == null ? null : Timestamp.from(signalChangedAt),
                amended,
                Timestamp.from(occurredAt));
    }
}
