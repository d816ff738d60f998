package org.stockalerts.api.marketdata.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.stockalerts.api.marketdata.IntradayBar;
import org.stockalerts.api.marketdata.RequestBudget;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.testsupport.MutableClock;

/** A blind feed's catch-up bars from Alpha Vantage's TIME_SERIES_INTRADAY, against a local fake of its API. */
class AlphaVantageIntradayBarsTest {

    private static final String API_KEY = "SECRET-KEY-4711";
    private static final Symbol IBM = Symbol.of("IBM");
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    /** Monday 2026-03-02, 10:15 in New York. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:15:00Z"));

    private final MockWebServer server = new MockWebServer();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws IOException {
        server.start();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop() {
        root().detachAppender(logs);
        server.close();
    }

    @Test
    void readsTheOneMinuteBarsThatOverlapTheGapInNewYorkTime() throws InterruptedException {
        // Given Alpha Vantage's compact TIME_SERIES_INTRADAY of IBM, newest bar first
        server.enqueue(json(200, "time-series-intraday.json"));
        AlphaVantageProvider provider = provider(budget(5, 25));

        // When the bars of a gap from 10:11:30 to 10:13:10 New York time are asked
        List<IntradayBar> bars = provider.intradayBars(
                IBM, Instant.parse("2026-03-02T15:11:30Z"), Instant.parse("2026-03-02T15:13:10Z"));

        // Then the three overlapping bars come oldest first, each a minute from its New York start
        assertThat(bars)
                .containsExactly(
                        new IntradayBar(
                                Instant.parse("2026-03-02T15:11:00Z"),
                                Instant.parse("2026-03-02T15:12:00Z"),
                                bd("250.4000"),
                                bd("250.5000"),
                                bd("249.8800"),
                                bd("250.2000")),
                        new IntradayBar(
                                Instant.parse("2026-03-02T15:12:00Z"),
                                Instant.parse("2026-03-02T15:13:00Z"),
                                bd("250.2000"),
                                bd("252.9000"),
                                bd("250.1000"),
                                bd("251.6000")),
                        new IntradayBar(
                                Instant.parse("2026-03-02T15:13:00Z"),
                                Instant.parse("2026-03-02T15:14:00Z"),
                                bd("251.6000"),
                                bd("251.7000"),
                                bd("250.8000"),
                                bd("251.1000")));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().queryParameter("function")).isEqualTo("TIME_SERIES_INTRADAY");
        assertThat(request.getUrl().queryParameter("symbol")).isEqualTo("IBM");
        assertThat(request.getUrl().queryParameter("interval")).isEqualTo("1min");
        assertThat(request.getUrl().queryParameter("outputsize")).isEqualTo("compact");
        assertThat(request.getUrl().queryParameter("apikey")).isEqualTo(API_KEY);
    }

    @Test
    void barsThatDoNotReachBackToTheStartOfTheGapAreNone() {
        // Given Alpha Vantage's compact series, whose oldest bar starts at 10:10 New York time
        server.enqueue(json(200, "time-series-intraday.json"));
        AlphaVantageProvider provider = provider(budget(5, 25));

        // When the bars of a gap from 10:08:30 (more than a minute before that bar) to 10:13:10 are asked
        List<IntradayBar> bars = provider.intradayBars(
                IBM, Instant.parse("2026-03-02T15:08:30Z"), Instant.parse("2026-03-02T15:13:10Z"));

        // Then none: the day range of the resuming quote speaks for the whole gap instead
        assertThat(bars).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aGapLongerThanTheCompactSeriesSpendsNoRequest() {
        // Given a budget with requests left
        RequestBudget budget = budget(5, 25);

        // When the bars of a gap of 101 minutes are asked
        List<IntradayBar> bars =
                provider(budget).intradayBars(IBM, clock.instant().minus(Duration.ofMinutes(101)), clock.instant());

        // Then none, without a request
        assertThat(bars).isEmpty();
        assertThat(server.getRequestCount()).isZero();
        assertThat(budget.leftToday()).isEqualTo(25);
    }

    @Test
    void aBarWithoutAPositivePriceIsLeftOut() {
        // Given a compact series in which the bar of 10:12 has a low of 0
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(fixture("time-series-intraday.json").replace("\"250.1000\"", "\"0.0000\""))
                .build());

        // When the bars of a gap from 10:11:30 to 10:13:10 are asked
        List<IntradayBar> bars = provider(budget(5, 25))
                .intradayBars(IBM, Instant.parse("2026-03-02T15:11:30Z"), Instant.parse("2026-03-02T15:13:10Z"));

        // Then the other bars
        assertThat(bars)
                .extracting(IntradayBar::start)
                .containsExactly(Instant.parse("2026-03-02T15:11:00Z"), Instant.parse("2026-03-02T15:13:00Z"));
    }

    @Test
    void asksNothingWhenTheRequestBudgetHasNoRequestLeftNow() {
        // Given a budget whose one request of the day is spent
        RequestBudget budget = budget(5, 1);
        assertThat(budget.tryAcquire()).isTrue();

        // When bars are asked
        List<IntradayBar> bars =
                provider(budget).intradayBars(IBM, clock.instant().minusSeconds(600), clock.instant());

        // Then none, without a request
        assertThat(bars).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aFailureATimeoutOrARefusalGivesNoBarsAndNeverLogsTheKey() {
        // Given Alpha Vantage failing, then too slow, then refusing for its limit
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder()
                .headersDelay(READ_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS)
                .body("{}")
                .build());
        server.enqueue(json(200, "note.json"));
        RequestBudget budget = budget(5, 25);
        AlphaVantageProvider provider = provider(budget);
        Instant from = clock.instant().minusSeconds(600);

        // When bars are asked three times
        List<List<IntradayBar>> answers = List.of(
                provider.intradayBars(IBM, from, clock.instant()),
                provider.intradayBars(IBM, from, clock.instant()),
                provider.intradayBars(IBM, from, clock.instant()));

        // Then no bars each time, the refusal pauses the budget, and the key is in no log line
        assertThat(answers).allSatisfy(bars -> assertThat(bars).isEmpty());
        assertThat(budget.tryAcquireNow()).isFalse();
        assertThat(logs.list).hasSizeGreaterThanOrEqualTo(3);
        assertThat(logs.list)
                .noneSatisfy(event ->
                        assertThat(event.toString() + event.getKeyValuePairs()).contains(API_KEY));
    }

    private RequestBudget budget(int perMinute, int perDay) {
        return new RequestBudget(clock, perMinute, perDay, Duration.ofMinutes(1), Duration.ofHours(1));
    }

    private AlphaVantageProvider provider(RequestBudget budget) {
        AlphaVantageSettings settings = new AlphaVantageSettings(
                API_KEY,
                server.url("/").toString(),
                "premium",
                false,
                5,
                25,
                Duration.ofSeconds(1),
                READ_TIMEOUT,
                0,
                Duration.ofMillis(10),
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                Duration.ofMinutes(2));
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.connectTimeout().plus(settings.readTimeout()))
                .build();
        return new AlphaVantageProvider(
                new AlphaVantageClient(http, settings, ZoneId.of("America/New_York"), clock), settings, budget);
    }

    private static MockResponse json(int status, String fixture) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(fixture(fixture))
                .build();
    }

    private static String fixture(String name) {
        try (InputStream in =
                AlphaVantageIntradayBarsTest.class.getResourceAsStream("/marketdata/alphavantage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
