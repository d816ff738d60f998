package org.stockalerts.api.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the dashboard's security headers on its files: a Content-Security-Policy that allows scripts, styles
 * and connections of this origin only (connections also to the OpenID Connect issuer's origin and its token
 * endpoint's when the page signs in through it; no inline script, no inline style element or attribute, no plug-in,
 * no framing, no {@code <base>}), no MIME sniffing, and no referrer. The page and its modules are revalidated
 * on each load ({@code Cache-Control: no-cache}): their paths carry no version, so after an upgrade a cached
 * old module must not meet a new one.
 */
class DashboardHeadersFilter extends OncePerRequestFilter {

    private final String contentSecurityPolicy;

    /** @param connectOrigins the origins the page may also fetch from: the issuer's, if it signs in there */
    DashboardHeadersFilter(List<String> connectOrigins) {
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self';"
                + " img-src 'self' data:; font-src 'self'; connect-src 'self'"
                + connectOrigins.stream().map(origin -> " " + origin).collect(Collectors.joining())
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !DashboardPaths.contains(request.getMethod(), path(request));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (!path(request).startsWith("/webjars/")) {
            response.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }
}
