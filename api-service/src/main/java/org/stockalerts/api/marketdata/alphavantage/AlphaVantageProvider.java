package org.stockalerts.api.marketdata.alphavantage;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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

    private final AlphaVantageClient client;
    private final RequestBudget budget;
    private final int symbolsPerRequest;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    /** {@code budget} is the poller's: a catch-up's bars are one more request of it, asked only when it allows one. */
    public AlphaVantageProvider(AlphaVantageClient client, AlphaVantageSettings settings, RequestBudget budget) {
        this.client = client;
        this.budget = budget;
        this.symbolsPerRequest = settings.symbolsPerRequest();
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
     * The one-minute bars of {@code TIME_SERIES_INTRADAY} (the last 100), asked once, without retries, and only when
     * the request budget allows one more request now; else, or when the request fails, none.
     */
    @Override
    public List<IntradayBar> intradayBars(Symbol symbol, Instant from, Instant to) {
        if (!budget.tryAcquireNow()) {
            log.atInfo()
                    .addKeyValue("symbol", symbol)
                    .log("no Alpha Vantage request left for a catch-up's intraday bars now; none asked");
            return List.of();
        }
        try {
            return client.intradayBars(symbol).stream()
                    .filter(bar -> bar.end().isAfter(from) && bar.start().isBefore(to))
                    .toList();
        } catch (RateLimitedException e) {
            budget.rateLimited();
            return noBars(symbol, e);
        } catch (QuoteProviderException | UnknownSymbolException e) {
            return noBars(symbol, e);
        }
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
