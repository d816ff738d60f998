package org.stockalerts.api.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.stockalerts.api.security.ApiKeyAuthenticationFilter;
import org.stockalerts.api.security.Caller;
import org.stockalerts.api.web.ProblemResponses;

/**
 * The {@code Idempotency-Key} header on the {@link Idempotent} routes. Runs the whole request in one
 * transaction that the route's own {@code @Transactional} services join: it takes the key's lock
 * (409 while another request with the key runs), replays a stored answer (422 if that answered
 * another route or body), or runs the route and, for a 2xx, stores its answer before the commit. The
 * create and its stored answer thus commit together or not at all, and the client sees the answer
 * only after the commit. Other answers roll back and are not stored: nothing was created, so a retry
 * with the same key runs again.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotentRoutes routes;
    private final StoredAnswers answers;
    private final PlatformTransactionManager transactions;
    private final ProblemResponses problems;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod())
                || request.getHeader(IdempotencyKey.HEADER) == null
                || !(request.getAttribute(ApiKeyAuthenticationFilter.CALLER_ATTRIBUTE) instanceof Caller caller)
                || caller.admin()
                || !routes.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IdempotencyKey key;
        try {
            key = IdempotencyKey.parse(request.getHeader(IdempotencyKey.HEADER));
        } catch (IllegalArgumentException e) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
            return;
        }
        UUID userId = ((Caller) request.getAttribute(ApiKeyAuthenticationFilter.CALLER_ATTRIBUTE)).userId();
        BufferedBodyRequest buffered = new BufferedBodyRequest(request);
        Attempt attempt = new Attempt(
                userId,
                ScopedKey.of(userId, key),
                request.getMethod() + " "
                        + request.getRequestURI()
                                .substring(request.getContextPath().length()),
                ScopedKey.sha256(buffered.body()));
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            runOnce(attempt, transaction, buffered, response, chain);
        } catch (DataIntegrityViolationException e) {
            // the commit's final flush broke a constraint: the answer the route wrote never goes out
            response.reset();
            problems.write(
                    response,
                    HttpStatus.CONFLICT,
                    "Conflict",
                    "the change conflicts with existing data or breaks a constraint");
        } finally {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
        }
    }

    /** Under the key's lock: 409, a replay, or the route itself with its 2xx answer stored. */
    private void runOnce(
            Attempt attempt,
            TransactionStatus transaction,
            BufferedBodyRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws ServletException, IOException {
        if (!answers.tryLock(attempt.key())) {
            problems.write(
                    response,
                    HttpStatus.CONFLICT,
                    "Conflict",
                    "a request with this " + IdempotencyKey.HEADER + " is still being processed; retry later");
            return;
        }
        Optional<StoredAnswer> stored = answers.find(attempt.userId(), attempt.key());
        if (stored.isPresent()) {
            replay(stored.get(), attempt, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        finish(
                transaction,
                attempt,
                new StoredAnswer(
                        attempt.route(),
                        attempt.requestHash(),
                        captured.getStatus(),
                        captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION),
                        captured.getContentAsByteArray()));
        captured.copyBodyToResponse();
    }

    /** Commits a 2xx with its stored answer; rolls anything else back. */
    private void finish(TransactionStatus transaction, Attempt attempt, StoredAnswer answer) {
        if (!HttpStatusCode.valueOf(answer.status()).is2xxSuccessful() || transaction.isRollbackOnly()) {
            transactions.rollback(transaction);
            return;
        }
        answers.save(attempt.userId(), attempt.key(), answer);
        transactions.commit(transaction);
    }

    private void replay(StoredAnswer stored, Attempt attempt, HttpServletResponse response) throws IOException {
        if (!stored.answers(attempt.route(), attempt.requestHash())) {
            problems.write(
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Unprocessable input",
                    "this "
                            + IdempotencyKey.HEADER + " was already used for another request; send a new key for a new"
                            + " request");
            return;
        }
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    /** Who sent which key, to which route, with which body (its SHA-256). */
    private record Attempt(UUID userId, ScopedKey key, String route, byte[] requestHash) {}
}
