package org.stockalerts.api.marketdata.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.stockalerts.api.marketdata.FeedWatch;
import org.stockalerts.api.marketdata.Leadership;
import org.stockalerts.api.marketdata.MarketDataPoller;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.api.marketdata.QuoteProviderException;
import org.stockalerts.api.marketdata.RateLimitedException;
import org.stockalerts.api.marketdata.RequestBudget;
import org.stockalerts.api.marketdata.UnknownSymbolException;
import org.stockalerts.api.marketdata.WatchedSymbol;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.testsupport.MutableClock;

class AlphaVantageProviderTest {

    /** The service's clock, after the close of the trading day the sample answers report. */
    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-27T14:00:00Z"));

    private static final String API_KEY = "SECRET-KEY-4711";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Symbol IBM = Symbol.of("IBM");
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

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
    void readsEveryFieldOfANormalGlobalQuote() throws InterruptedException {
        // Given Alpha Vantage answers with its documented GLOBAL_QUOTE body
        server.enqueue(json(200, "global-quote.json"));

        // When IBM is fetched
        List<Quote> quotes = provider(settings("free", false)).fetch(List.of(IBM));

        // Then every field arrives, numbers exact, the percent without its sign, at the close in New York
        assertThat(quotes)
                .containsExactly(new Quote(
                        IBM,
                        bd("308.2400"),
                        bd("307.6600"),
                        bd("309.7000"),
                        bd("305.5000"),
                        3104125L,
                        bd("307.4600"),
                        bd("0.7800"),
                        bd("0.2537"),
                        LocalDate.of(2025, 10, 24),
                        Instant.parse("2025-10-24T20:00:00Z")));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/query");
        assertThat(request.getUrl().queryParameter("function")).isEqualTo("GLOBAL_QUOTE");
        assertThat(request.getUrl().queryParameter("symbol")).isEqualTo("IBM");
        assertThat(request.getUrl().queryParameter("apikey")).isEqualTo(API_KEY);
    }

    @Test
    void datesAGlobalQuoteDuringItsSessionNowNotAtTheComingClose() {
        // Given the documented GLOBAL_QUOTE of 2025-10-24, fetched that day at 11:00 in New York
        server.enqueue(json(200, "global-quote.json"));
        clock.set(Instant.parse("2025-10-24T15:00:00Z"));

        // When IBM is fetched
        List<Quote> quotes = provider(settings("free", false)).fetch(List.of(IBM));

        // Then the quote is dated now: its day's close is five hours ahead, and a tick may not be dated ahead
        assertThat(quotes).extracting(Quote::observedAt).containsExactly(Instant.parse("2025-10-24T15:00:00Z"));
    }

    @Test
    void readsABulkQuoteOfManySymbolsInOneRequestOnAPremiumPlan() throws InterruptedException {
        // Given a premium plan with bulk quotes and the documented REALTIME_BULK_QUOTES body
        server.enqueue(json(200, "realtime-bulk-quotes.json"));
        AlphaVantageProvider provider = provider(settings("premium", true));

        // When MSFT and AAPL are fetched
        List<Quote> quotes = provider.fetch(List.of(Symbol.of("MSFT"), Symbol.of("AAPL")));

        // Then both come from one request, the close as price and the New York timestamp as time
        assertThat(provider.maxSymbolsPerRequest()).isEqualTo(100);
        assertThat(quotes).extracting(Quote::symbol).containsExactly(Symbol.of("MSFT"), Symbol.of("AAPL"));
        Quote msft = quotes.getFirst();
        assertThat(msft.price()).isEqualByComparingTo("415.00");
        assertThat(msft.volume()).isEqualTo(26897290L);
        assertThat(msft.previousClose()).isEqualByComparingTo("426.89");
        assertThat(msft.changePercent()).isEqualByComparingTo("-2.7852");
        assertThat(msft.observedAt()).isEqualTo(Instant.parse("2024-11-15T21:00:00Z"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().queryParameter("function")).isEqualTo("REALTIME_BULK_QUOTES");
        assertThat(request.getUrl().queryParameter("symbol")).isEqualTo("MSFT,AAPL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void freePlanAsksForOneSymbolARequestEvenWhenBulkQuotesAreSwitchedOn() {
        // Given a free key with bulk quotes wrongly switched on
        AlphaVantageProvider provider = provider(settings("free", true));

        // Then it sticks to GLOBAL_QUOTE, one symbol a request
        assertThat(provider.maxSymbolsPerRequest()).isEqualTo(1);
    }

    @Test
    void freeKeyIsAnnouncedWithThePlansLimitsWhenTheProviderStarts() {
        // When providers are created on a free and on a premium plan
        provider(settings("free", false));
        int afterFree = logs.list.size();
        provider(settings("premium", false));

        // Then only the free one says it is limited to 25 requests a day and end-of-day data
        assertThat(logs.list).hasSize(afterFree);
        assertThat(logs.list)
                .anySatisfy(event -> assertThat(event.getFormattedMessage())
                        .contains("25 requests a day")
                        .contains("end-of-day")
                        .contains("premium"));
    }

    @Test
    void noteAnswerIsARateLimitAndIsNotRetried() {
        // Given Alpha Vantage answers 200 with its call-frequency Note
        server.enqueue(json(200, "note.json"));

        // When IBM is fetched
        Throwable failure =
                catchThrowable(() -> provider(settings("free", false)).fetch(List.of(IBM)));

        // Then the poller hears "rate limited" after a single request
        assertThat(failure).isInstanceOf(RateLimitedException.class).hasMessageContaining("Note");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void informationAnswerIsARateLimitWithTheQuotedKeyRedacted() {
        // Given Alpha Vantage answers with its daily-limit Information, which quotes the caller's key
        server.enqueue(json(200, "information.json"));

        // When IBM is fetched
        Throwable failure =
                catchThrowable(() -> provider(settings("free", false)).fetch(List.of(IBM)));

        // Then it is a rate limit and the key is not in the message
        assertThat(failure)
                .isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("25 requests per day")
                .hasMessageNotContaining(API_KEY);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void errorMessageAnswerNamesTheUnknownSymbol() {
        // Given Alpha Vantage answers with its Error Message for a symbol it does not know
        server.enqueue(json(200, "error-message.json"));

        // When the symbol is fetched
        Throwable failure =
                catchThrowable(() -> provider(settings("free", false)).fetch(List.of(Symbol.of("NOPE"))));

        // Then the poller learns which symbol to stop polling
        assertThat(failure)
                .isInstanceOfSatisfying(
                        UnknownSymbolException.class,
                        unknown -> assertThat(unknown.symbol()).isEqualTo(Symbol.of("NOPE")));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void emptyGlobalQuoteIsSkipped() {
        // Given Alpha Vantage answers with an empty Global Quote object
        server.enqueue(json(200, "empty-global-quote.json"));

        // When IBM is fetched
        List<Quote> quotes = provider(settings("free", false)).fetch(List.of(IBM));

        // Then there is simply nothing to publish
        assertThat(quotes).isEmpty();
    }

    @Test
    void malformedJsonFailsWithoutRetrying() {
        // Given a truncated body
        server.enqueue(json(200, "malformed.json"));

        // When IBM is fetched
        QuoteProviderException failure = failedFetch();

        // Then the failure says the answer was malformed and nothing is retried
        assertFailure(failure, false, 1).hasMessageContaining("not valid JSON");
    }

    @Test
    void serverErrorIsRetriedWithBackoffUntilItSucceeds() {
        // Given two 503s, then a normal quote
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(502).build());
        server.enqueue(json(200, "global-quote.json"));

        // When IBM is fetched
        List<Quote> quotes = provider(settings("free", false)).fetch(List.of(IBM));

        // Then the third attempt delivered the quote
        assertThat(quotes).extracting(Quote::symbol).containsExactly(IBM);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void serverErrorThatPersistsFailsAsTransientAfterAllRetries() {
        // Given the provider keeps answering 500
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }

        // When IBM is fetched
        QuoteProviderException failure = failedFetch();

        // Then one attempt and two retries were made, and the failure is transient
        assertFailure(failure, true, 3).hasMessageContaining("HTTP 500");
    }

    @Test
    void slowAnswerBeyondTheTimeoutFailsAsTransient() {
        // Given every answer takes far longer than the read timeout
        for (int i = 0; i < 3; i++) {
            server.enqueue(slow());
        }

        // When IBM is fetched
        QuoteProviderException failure = failedFetch();

        // Then each attempt timed out and the failure says so
        assertFailure(failure, true, 3)
                .hasMessageContaining("unreachable")
                .hasMessageContaining("SocketTimeoutException");
    }

    @Test
    void circuitBreakerOpensAfterRepeatedFailuresAndStopsCallingTheProvider() {
        // Given a provider that fails every call, with no retries
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }
        AlphaVantageProvider provider = provider(settings("free", false, 0));

        // When four fetches fail
        for (int i = 0; i < 4; i++) {
            catchThrowable(() -> provider.fetch(List.of(IBM)));
        }
        Throwable fifth = catchThrowable(() -> provider.fetch(List.of(IBM)));

        // Then the breaker is open and the fifth fetch did not reach the provider
        assertThat(provider.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(fifth).isInstanceOf(QuoteProviderException.class).hasMessageContaining("circuit breaker is open");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void apiKeyAppearsInNoLogLineExceptionMessageOrMetricTag() {
        // Given a poller on Alpha Vantage meeting every kind of failure: a 503, a timeout and a malformed
        // body in one retried fetch, then a daily-limit Information that quotes the key, then an Error Message
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(slow());
        server.enqueue(json(200, "malformed.json"));
        server.enqueue(json(200, "information.json"));
        server.enqueue(json(200, "error-message.json"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MarketDataPoller poller = poller(provider(settings("free", false)), meters);

        // When three poll cycles run
        for (int i = 0; i < 3; i++) {
            poller.cycle();
        }
        List<String> texts = new ArrayList<>();
        logs.list.forEach(event -> {
            texts.add(event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs().forEach(pair -> texts.add(pair.key + "=" + pair.value));
            }
        });
        meters.getMeters().forEach(meter -> texts.add(meter.getId().toString()));

        // Then all five answers were met and logged, and the key is in no log line and no metric
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("25 requests per day"));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("outcome=unknown_symbol"));
        assertThat(texts).noneSatisfy(text -> assertThat(text).contains(API_KEY));
        assertThat(settings("free", false).toString()).doesNotContain(API_KEY);
    }

    private static MarketDataPoller poller(AlphaVantageProvider provider, SimpleMeterRegistry meters) {
        Clock clock = Clock.systemUTC();
        Leadership alwaysLeading = new Leadership() {
            @Override
            public boolean isLeader() {
                return true;
            }

            @Override
            public void close() {}
        };
        return new MarketDataPoller(new MarketDataPoller.Parts(
                provider,
                RequestBudget.unlimited(clock),
                () -> List.of(new WatchedSymbol(IBM, Instant.MIN)),
                (quotes, source) -> {},
                new FeedWatch(provider, MarketSession.REGULAR, Duration.ofMinutes(5), new EventIds(clock), clock),
                change -> true,
                alwaysLeading,
                clock,
                Duration.ofSeconds(1),
                Duration.ofMinutes(10),
                Duration.ofMinutes(10),
                meters));
    }

    private QuoteProviderException failedFetch() {
        Throwable failure =
                catchThrowable(() -> provider(settings("free", false)).fetch(List.of(IBM)));
        assertThat(failure).isInstanceOf(QuoteProviderException.class);
        return (QuoteProviderException) failure;
    }

    private AlphaVantageProvider provider(AlphaVantageSettings settings) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .build();
        return new AlphaVantageProvider(
                new AlphaVantageClient(http, settings, NEW_YORK, clock), settings, settings.budget(clock));
    }

    private AlphaVantageSettings settings(String plan, boolean bulk) {
        return settings(plan, bulk, 2);
    }

    private AlphaVantageSettings settings(String plan, boolean bulk, int retries) {
        return new AlphaVantageSettings(
                API_KEY,
                server.url("/").toString(),
                plan,
                bulk,
                5,
                25,
                Duration.ofSeconds(1),
                READ_TIMEOUT,
                retries,
                Duration.ofMillis(10),
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                Duration.ofMinutes(2));
    }

    private static MockResponse slow() {
        return new MockResponse.Builder()
                .headersDelay(READ_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS)
                .body("{}")
                .build();
    }

    private static MockResponse json(int status, String fixture) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(fixture(fixture))
                .build();
    }

    private static String fixture(String name) {
        try (InputStream in = AlphaVantageProviderTest.class.getResourceAsStream("/marketdata/alphavantage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.math.BigDecimal bd(String value) {
        return new java.math.BigDecimal(value);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Asserts that {@code failure} is (not) transient after {@code attempts} requests; continues with it. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertFailure(
            QuoteProviderException failure, boolean isTransient, int attempts) {
        assertThat(failure.isTransient()).as("transient").isEqualTo(isTransient);
        assertThat(server.getRequestCount()).as("requests").isEqualTo(attempts);
        return assertThat(failure);
    }
}
