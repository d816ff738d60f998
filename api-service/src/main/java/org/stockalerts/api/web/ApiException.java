package org.stockalerts.api.web;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Root of the API's domain exceptions. Each subtype names its HTTP status and a short title; the
 * {@link ProblemDetailsAdvice} turns them into RFC 9457 problem details.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    protected ApiException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem detail, e.g. the limit a request ran into; none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** Headers of the answer, e.g. {@code Retry-After}; none by default. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
