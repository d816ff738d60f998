package org.stockalerts.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stockalerts.api.dashboard.DashboardPaths;
import org.stockalerts.api.web.ProblemResponses;

/**
 * Requires {@code Authorization: Bearer <key>} on every route but the public ones, and puts the
 * authenticated {@link Caller} in the request attribute {@link #CALLER_ATTRIBUTE} (controllers take
 * it with {@link CurrentUser}). A missing, unknown or revoked key gets a 401 problem detail, more than
 * one Authorization header a 400. When an OpenID Connect issuer is configured, a bearer credential in the
 * form of a JWT is a token of that issuer instead ({@link JwtAuthenticator}): a refused one gets a 401 naming
 * the reason, and 503 while the issuer's keys cannot be fetched.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute holding the authenticated {@link Caller}. */
    public static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private static final String BEARER = "Bearer ";

    /** Retry-After of the 503 while the token issuer's keys cannot be fetched. */
    static final int ISSUER_UNREACHABLE_RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private final KeyLookup keys;
    private final KeyUsage usage;
    private final SecuritySettings settings;
    private final ProblemResponses problems;
    /** Null when no issuer is configured: every bearer credential is then an API key. */
    private final JwtAuthenticator tokens;

    /**
     * Routes open without a key: registration, the liveness and readiness probes, the API
     * description, and the web dashboard's files (its page asks for the key and sends it with each call). {@code /actuator} paths pass too, to the 404 that is all this port has for them
     * (the actuator answers on the management port), so the answer is the same with or without a key.
     */
    static boolean isPublic(String method, String path) {
        return (HttpMethod.POST.matches(method) && (path.equals("/users") || path.equals("/users/")))
                || path.equals("/livez")
                || path.equals("/readyz")
                || path.equals("/actuator")
                || path.startsWith("/actuator/")
                || path.equals("/v3/api-docs")
                || path.startsWith("/v3/api-docs/")
                || path.startsWith("/swagger-ui/")
                || path.equals("/swagger-ui.html")
                || DashboardPaths.contains(method, path);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return isPublic(request.getMethod(), pathOf(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
            // which one would count is up to each reader of the request: refuse instead of guessing
            problems.write(response, HttpStatus.BAD_REQUEST, "Bad Request", "send exactly one Authorization header");
            return;
        }
        Optional<String> credential = bearerKey(request);
        // the admin key is the operator's free text, which may look like a JWT: it is matched first
        if (tokens != null
                && credential.filter(JwtAuthenticator::looksLikeJwt).isPresent()
                && !isAdminKey(credential.get())) {
            authenticateToken(credential.get(), request, response, chain);
            return;
        }
        Optional<Caller> caller = credential.flatMap(this::authenticate);
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "a valid API key is required: Authorization: Bearer <key>");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private void authenticateToken(
            String token, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller;
        try {
            caller = tokens.authenticate(token);
        } catch (JwtAuthenticator.TokenRefusedException refused) {
            // RFC 6750, section 3: the reason also in the challenge, for clients that read only the header
            response.setHeader(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"invalid_token\", error_description=\"" + refused.getMessage() + "\"");
            problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "the bearer token is refused: " + refused.getMessage());
            return;
        } catch (JwtAuthenticator.IssuerUnreachableException unreachable) {
            log.atWarn()
                    .addKeyValue("error", unreachable.getCause().toString())
                    .log("token issuer's keys cannot be fetched");
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ISSUER_UNREACHABLE_RETRY_AFTER_SECONDS));
            problems.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service Unavailable",
                    "the token issuer's keys cannot be fetched; retry after the Retry-After seconds");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }

    private boolean isAdminKey(String key) {
        return settings.adminKeyEnabled() && ApiKeys.sameSecret(key, settings.adminKey());
    }

    private Optional<Caller> authenticate(String key) {
        if (isAdminKey(key)) {
            return Optional.of(Caller.administrator());
        }
        // looked up on every request, never cached: a revoked (deleted) key is refused at once
        Optional<KeyLookup.ActiveKey> found = keys.active(ApiKeys.hash(key));
        found.ifPresent(usage::used);
        return found.map(apiKey -> Caller.user(apiKey.userId()));
    }

    private static Optional<String> bearerKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = header.substring(BEARER.length()).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
