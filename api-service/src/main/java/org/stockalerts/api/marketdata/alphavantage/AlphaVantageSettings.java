package org.stockalerts.api.marketdata.alphavantage;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.stockalerts.api.marketdata.RequestBudget;

/**
 * Settings of the Alpha Vantage provider ({@code stockalerts.marketdata.alpha-vantage.*}; the key also
 * from {@code ALPHA_VANTAGE_API_KEY}). The defaults fit the free plan: 25 requests a day, one symbol a
 * request ({@code GLOBAL_QUOTE}, end-of-day data).
 *
 * @param apiKey the API key; never logged
 * @param plan {@code free} or {@code premium}; only premium plans may use {@code REALTIME_BULK_QUOTES}
 * @param bulkQuotes whether to ask for up to 100 symbols a request with {@code REALTIME_BULK_QUOTES}
 *     (premium plans only)
 * @param requestsPerMinute the plan's limit of requests a minute
 * @param requestsPerDay the plan's limit of requests a day
 * @param retries further attempts after a network error, a timeout or a 5xx
 * @param retryBackoff wait before the first retry; doubles each time, with ±50 % jitter
 * @param rateLimitBackoff pause after the provider says a limit is reached; doubles on each refusal
 * @param maxRateLimitBackoff the longest such pause
 * @param circuitOpenFor how long the circuit breaker stays open after too many failures
 */
@Validated
@ConfigurationProperties("stockalerts.marketdata.alpha-vantage")
public record AlphaVantageSettings(
        @DefaultValue("") String apiKey,
        @DefaultValue("https://www.alphavantage.co") String baseUrl,
        @DefaultValue("free") String plan,
        @DefaultValue("false") boolean bulkQuotes,
        @DefaultValue("5") int requestsPerMinute,
        @DefaultValue("25") int requestsPerDay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2") @PositiveOrZero int retries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("1m") Duration rateLimitBackoff,
        @DefaultValue("1h") Duration maxRateLimitBackoff,
        @DefaultValue("2m") Duration circuitOpenFor) {

    /** Most symbols one {@code REALTIME_BULK_QUOTES} request may carry. */
    public static final int BULK_LIMIT = 100;

    public boolean hasKey() {
        return !apiKey.isBlank();
    }

    public boolean freePlan() {
        return "free".equalsIgnoreCase(plan.strip());
    }

    /** The plan's request budget. */
    public RequestBudget budget(Clock clock) {
        return new RequestBudget(clock, requestsPerMinute, requestsPerDay, rateLimitBackoff, maxRateLimitBackoff);
    }

    /** Symbols per request: 100 with bulk quotes on a premium plan, else one. */
    public int symbolsPerRequest() {
        return bulkQuotes && !freePlan() ? BULK_LIMIT : 1;
    }

    @Override
    public String toString() {
        return "AlphaVantageSettings[baseUrl=" + baseUrl + ", plan=" + plan + ", apiKey=" + (hasKey() ? "***" : "")
                + "]";
    }
}
