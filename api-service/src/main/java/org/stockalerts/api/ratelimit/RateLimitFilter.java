package org.stockalerts.api.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stockalerts.api.web.ProblemResponses;
import org.stockalerts.api.web.TooManyRequestsException;

/** Answers a request that one of its rate limits refuses with a 429 problem detail and Retry-After. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    /** Retry-After of the 503 while the buckets' store cannot be reached. */
    static final int UNREACHABLE_RETRY_AFTER_SECONDS = 5;

    private final Function<HttpServletRequest, Optional<TooManyRequestsException>> limits;
    private final ProblemResponses problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TooManyRequestsException> refusal;
        try {
            refusal = limits.apply(request);
        } catch (RuntimeException e) {
            // the shared buckets live in PostgreSQL: while it cannot be reached the request is refused as the
            // server's condition (503, retry), never a 500, and the log names the failure, not the request
            log.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("rate limit buckets unreachable; request refused with 503");
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(UNREACHABLE_RETRY_AFTER_SECONDS));
            problems.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "the rate limiter's store cannot be reached; retry after the Retry-After seconds");
            return;
        }
        if (refusal.isPresent()) {
            // DEBUG: a client past its limit could otherwise fill the log at the rate it is refused
            log.atDebug()
                    .addKeyValue("limit", refusal.get().properties().get("limit"))
                    .addKeyValue("retryAfterSeconds", refusal.get().retryAfterSeconds())
                    .log("request refused by a rate limit");
            problems.write(response, refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }
}
