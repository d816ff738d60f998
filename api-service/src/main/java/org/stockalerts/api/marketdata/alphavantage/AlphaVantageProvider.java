package org.stockalerts.api.marketdata.alphavantage;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.api.marketdata.IntradayBar;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.api.marketdata.QuoteProvider;
import org.stockalerts.api.marketdata.QuoteProviderException;
import org.stockalerts.api.marketdata.RateLimitedException;
import org.stockalerts.api.marketdata.RequestBudget;
import org.stockalerts.api.marketdata.UnknownSymbolException;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;

/**
 * Alpha Vantage behind retries (network errors, timeouts and 5xx, with exponential back-off and
 * jitter) and a circuit breaker that stops calling a provider that keeps failing. Rate-limit and
 * unknown-symbol answers are neither retried nor held against the provider: the poller handles them.
 */
public final class AlphaVantageProvider implements QuoteProvider {

    private static final Logger log = LoggerFactory.getLogger(AlphaVantageProvider.class);
    private static final double BACKOFF_MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;
    private static final float FAILURE_RATE_PERCENT = 50;
    private static final int WINDOW_CALLS = 10;
    private static final int MINIMUM_CALLS = 4;
    /** How many one-minute bars {@code TIME_SERIES_INTRADAY} answers with {@code outputsize=compact}. */
    static final int COMPACT_BARS = 100;

    private static final Duration COMPACT_SPAN = Duration.ofMinutes(COMPACT_BARS);
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    private final AlphaVantageClient client;
    private final RequestBudget budget;
    private final int symbolsPerRequest;
    private final Duration barsTimeout;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    /** {@code budget} is the poller's: a catch-up's bars are one more request of it, asked only when it allows one. */
    public AlphaVantageProvider(AlphaVantageClient client, AlphaVantageSettings settings, RequestBudget budget) {
        this.client = client;
        this.budget = budget;
        this.symbolsPerRequest = settings.symbolsPerRequest();
        this.barsTimeout = settings.connectTimeout().plus(settings.readTimeout());
        if (settings.freePlan()) {
            log.atWarn()
                    .addKeyValue("requestsPerDay", settings.requestsPerDay())
                    .addKeyValue("requestsPerMinute", settings.requestsPerMinute())
                    .log("Alpha Vantage free plan: 25 requests a day and end-of-day GLOBAL_QUOTE data only; "
                            + "real-time quotes and REALTIME_BULK_QUOTES need a premium plan");
        }
        this.retry = Retry.of(
                "alphavantage",
                RetryConfig.custom()
                        .maxAttempts(settings.retries() + 1)
                        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                                settings.retryBackoff(), BACKOFF_MULTIPLIER, JITTER))
                        .retryOnException(e -> e instanceof QuoteProviderException failure && failure.isTransient())
                        .build());
        this.circuitBreaker = CircuitBreaker.of(
                "alphavantage",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(FAILURE_RATE_PERCENT)
                        .slidingWindowSize(WINDOW_CALLS)
                        .minimumNumberOfCalls(MINIMUM_CALLS)
                        .waitDurationInOpenState(settings.circuitOpenFor())
                        .recordException(QuoteProviderException.class::isInstance)
                        .build());
        retry.getEventPublisher()
                .onRetry(event -> log.atWarn()
                        .addKeyValue("attempt", event.getNumberOfRetryAttempts())
                        .addKeyValue("wait", event.getWaitInterval())
                        .addKeyValue("reason", event.getLastThrowable().getMessage())
                        .log("retrying Alpha Vantage request"));
        circuitBreaker
                .getEventPublisher()
                .onStateTransition(event -> log.atWarn()
                        .addKeyValue("transition", event.getStateTransition())
                        .log("Alpha Vantage circuit breaker changed state"));
    }

    @Override
    public TickSource source() {
        return TickSource.ALPHAVANTAGE;
    }

    @Override
    public int maxSymbolsPerRequest() {
        return symbolsPerRequest;
    }

    @Override
    public List<Quote> fetch(List<Symbol> symbols) {
        Supplier<List<Quote>> call = symbolsPerRequest == 1
                ? () -> symbols.stream()
                        .flatMap(symbol -> client.globalQuote(symbol).stream())
                        .toList()
                : () -> client.bulkQuotes(symbols);
        try {
            return circuitBreaker.executeSupplier(Retry.decorateSupplier(retry, call));
        } catch (CallNotPermittedException e) {
            throw new QuoteProviderException("Alpha Vantage circuit breaker is open", false);
        }
    }

    /**
     * The one-minute bars of {@code TIME_SERIES_INTRADAY} (the last {@value #COMPACT_BARS}), asked once, without
     * retries, and only when the request budget allows one more request now; else, or when the request fails, none.
     * Bars that do not reach back to the start of the gap are none too: the tail of a long gap is no catch-up, and
     * the day range of the resuming quote (which is asked for when there are no bars) may know of a new high or low
     * the missing start hid. A gap longer than the compact series is therefore not asked for at all, keeping the
     * request for the rotation.
     */
    @Override
    public List<IntradayBar> intradayBars(Symbol symbol, Instant from, Instant to) {
        if (Duration.between(from, to).compareTo(COMPACT_SPAN) > 0) {
            log.atDebug()
                    .addKeyValue("symbol", symbol)
                    .addKeyValue("gap", Duration.between(from, to))
                    .log("gap longer than Alpha Vantage's compact intraday series; no bars asked");
            return List.of();
        }
        if (!budget.tryAcquireNow()) {
            log.atInfo()
                    .addKeyValue("symbol", symbol)
                    .log("no Alpha Vantage request left for a catch-up's intraday bars now; none asked");
            return List.of();
        }
        try {
            List<IntradayBar> bars = client.intradayBars(symbol);
            if (bars.isEmpty() || bars.getFirst().start().isAfter(from.plus(ONE_MINUTE))) {
                log.atDebug()
                        .addKeyValue("symbol", symbol)
                        .addKeyValue("gapFrom", from)
                        .addKeyValue(
                                "barsFrom",
                                bars.isEmpty() ? null : bars.getFirst().start())
                        .log("Alpha Vantage's intraday bars do not reach back to the start of the gap; none used");
                return List.of();
            }
            return bars.stream()
                    .filter(bar -> bar.end().isAfter(from) && bar.start().isBefore(to))
                    .toList();
        } catch (RateLimitedException e) {
            budget.rateLimited();
            return noBars(symbol, e);
        } catch (QuoteProviderException | UnknownSymbolException e) {
            return noBars(symbol, e);
        } catch (RuntimeException e) {
            // not the message: only the client's own exceptions are known to be redacted
            return noBars(symbol, new QuoteProviderException(e.getClass().getName(), false));
        }
    }

    /** One call of the client: its connect and read timeouts (its OkHttp call timeout). */
    @Override
    public Duration intradayBarsTimeout() {
        return barsTimeout;
    }

    /**
     * {@code GLOBAL_QUOTE} dates a quote at its trading day's close, or now during the session: after the close every
     * answer has the same time, and a free key's end-of-day quote may keep it all day; only the bulk quotes carry
     * their own time.
     */
    @Override
    public boolean datesQuotesByTrade() {
        return symbolsPerRequest > 1;
    }

    private static List<IntradayBar> noBars(Symbol symbol, RuntimeException failure) {
        // the client's messages are redacted: no API key in them
        log.atWarn()
                .addKeyValue("symbol", symbol)
                .addKeyValue("reason", failure.getMessage())
                .log("Alpha Vantage intraday bars not available; the catch-up goes without them");
        return List.of();
    }

    /** The circuit breaker's state, for health and tests. */
    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }
}
