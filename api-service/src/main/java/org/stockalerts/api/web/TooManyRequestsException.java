package org.stockalerts.api.web;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request past one of the API's rate or connection limits: answered 429 naming the limit
 * ({@code "limit"}, {@code "maximum"}) with a {@code Retry-After} in whole seconds, rounded up.
 */
public class TooManyRequestsException extends ApiException {

    private final String limit;
    private final long maximum;
    private final long retryAfterSeconds;

    /**
     * @param limit the limit's name in the problem, e.g. {@code requests-per-key}
     * @param maximum its value (requests of a burst, open streams …)
     * @param retryAfter when the client may try again; at least one second is announced
     */
    public TooManyRequestsException(String limit, long maximum, Duration retryAfter, String detail) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail);
        this.limit = limit;
        this.maximum = maximum;
        this.retryAfterSeconds = wholeSecondsUp(retryAfter);
    }

    /** {@code duration} in whole seconds, rounded up, at least one: the form {@code Retry-After} takes. */
    public static long wholeSecondsUp(Duration duration) {
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("limit", limit, "maximum", maximum);
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }
}
