package org.stockalerts.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.stockalerts.api.security.ApiKeyAuthenticationFilter;
import org.stockalerts.api.security.Caller;
import org.stockalerts.api.web.TooManyRequestsException;

/**
 * Which buckets a request takes from. The client address is the socket's peer, or the address a
 * trusted proxy names in {@code X-Forwarded-For} (Tomcat's RemoteIpValve puts it in {@link
 * HttpServletRequest#getRemoteAddr()} only for peers that {@code STOCKALERTS_API_TRUSTED_PROXIES}
 * matches).
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RequestLimits {

    private static final String ADMIN = "admin";

    private final RateLimiter limiter;

    /** Before authentication: every request by its address, a registration also by registrations per hour. */
    Optional<TooManyRequestsException> byAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        Optional<TooManyRequestsException> refusal = limiter.take(RateLimit.REQUESTS_PER_ADDRESS, address);
        if (refusal.isEmpty() && isRegistration(request)) {
            return limiter.take(RateLimit.REGISTRATIONS_PER_ADDRESS, address);
        }
        return refusal;
    }

    /**
     * After authentication: an authenticated request by its key. A user holds one key, so the bucket
     * is the user's; the admin key has one of its own.
     */
    Optional<TooManyRequestsException> byKey(HttpServletRequest request) {
        if (!(request.getAttribute(ApiKeyAuthenticationFilter.CALLER_ATTRIBUTE) instanceof Caller caller)) {
            return Optional.empty();
        }
        return limiter.take(
                RateLimit.REQUESTS_PER_KEY,
                caller.admin() ? ADMIN : caller.userId().toString());
    }

    private static boolean isRegistration(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return HttpMethod.POST.matches(request.getMethod()) && (path.equals("/users") || path.equals("/users/"));
    }
}
