package org.stockalerts.api.marketdata.streaming;

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
import org.stockalerts.common.event.Symbol;
import org.stockalerts.testsupport.MutableClock;

/** A blind feed's catch-up bars from Alpaca's REST API, against a local fake of it. */
class AlpacaBarsTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final String SECRET = "key-secret-0815";
    private static final Duration DATA_TIMEOUT = Duration.ofMillis(300);
    private static final Instant FROM = Instant.parse("2026-03-02T15:11:30Z");
    private static final Instant TO = Instant.parse("2026-03-02T15:13:40Z");

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
    void asksForTheGapsOneMinuteIexBarsWithTheKeyInTheHeaders() throws InterruptedException {
        // Given Alpaca's answer of three bars
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(fixture("alpaca-bars.json"))
                .build());

        // When the bars of a gap from 10:11:30 to 10:13:40 New York time are asked
        List<IntradayBar> bars = provider().intradayBars(AAPL, FROM, TO);

        // Then the three bars, each a minute from its start
        assertThat(bars).hasSize(3);
        assertThat(bars.getFirst())
                .isEqualTo(new IntradayBar(
                        Instant.parse("2026-03-02T15:11:00Z"),
                        Instant.parse("2026-03-02T15:12:00Z"),
                        new BigDecimal("195.31"),
                        new BigDecimal("195.5"),
                        new BigDecimal("195.02"),
                        new BigDecimal("195.12")));
        assertThat(bars.getLast().close()).isEqualByComparingTo("195.9");

        // And the request names the gap from the start of its first minute, the IEX feed and a page that fits it
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/stocks/AAPL/bars");
        assertThat(request.getUrl().queryParameter("timeframe")).isEqualTo("1Min");
        assertThat(request.getUrl().queryParameter("start")).isEqualTo("2026-03-02T15:11:00Z");
        assertThat(request.getUrl().queryParameter("end")).isEqualTo("2026-03-02T15:13:40Z");
        assertThat(request.getUrl().queryParameter("feed")).isEqualTo("iex");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("3");
        assertThat(request.getHeaders().get("APCA-API-KEY-ID")).isEqualTo("key-id");
        assertThat(request.getHeaders().get("APCA-API-SECRET-KEY")).isEqualTo(SECRET);
    }

    @Test
    void aBarWithoutATimeOrAPositivePriceIsLeftOut() {
        // Given Alpaca's answer of three bars, one with a time that is none, one with a low of 0
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("""
                        {"bars":[
                          {"t":"2026-03-02T15:11:00Z","o":195.31,"h":195.5,"l":195.02,"c":195.12,"v":100},
                          {"t":"soon","o":195.12,"h":195.6,"l":195.1,"c":195.4,"v":100},
                          {"t":"2026-03-02T15:13:00Z","o":195.4,"h":196,"l":0,"c":195.9,"v":100}
                        ],"symbol":"AAPL","next_page_token":null}
                        """)
                .build());

        // When the bars of the gap are asked
        List<IntradayBar> bars = provider().intradayBars(AAPL, FROM, TO);

        // Then the good bar
        assertThat(bars).extracting(IntradayBar::start).containsExactly(Instant.parse("2026-03-02T15:11:00Z"));
    }

    @Test
    void aRefusalAFailureOrATimeoutGivesNoBarsAndNeverLogsTheSecret() {
        // Given Alpaca refusing the key, failing, then answering too late
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .body("{\"message\":\"forbidden\"}")
                .build());
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(new MockResponse.Builder()
                .headersDelay(DATA_TIMEOUT.toMillis() * 4, TimeUnit.MILLISECONDS)
                .body(fixture("alpaca-bars.json"))
                .build());
        AlpacaProvider alpaca = provider();

        // When bars are asked three times
        List<List<IntradayBar>> answers = List.of(
                alpaca.intradayBars(AAPL, FROM, TO),
                alpaca.intradayBars(AAPL, FROM, TO),
                alpaca.intradayBars(AAPL, FROM, TO));

        // Then no bars each time, each failure logged without the secret
        assertThat(answers).allSatisfy(bars -> assertThat(bars).isEmpty());
        assertThat(logs.list)
                .filteredOn(event -> event.getFormattedMessage().contains("intraday bars not available"))
                .hasSize(3);
        assertThat(logs.list)
                .noneSatisfy(event ->
                        assertThat(event.toString() + event.getKeyValuePairs()).contains(SECRET));
    }

    private AlpacaProvider provider() {
        return new AlpacaProvider(
                new OkHttpClient(),
                new AlpacaSettings(
                        "ws://127.0.0.1:9/v2/iex",
                        "key-id",
                        SECRET,
                        30,
                        server.url("/").toString(),
                        DATA_TIMEOUT),
                new StreamingSettings(
                        Duration.ofMillis(250), Duration.ofMinutes(2), Duration.ofMillis(10), Duration.ofMinutes(10)),
                new MutableClock(TO));
    }

    private static String fixture(String name) {
        try (InputStream in = AlpacaBarsTest.class.getResourceAsStream("/marketdata/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
