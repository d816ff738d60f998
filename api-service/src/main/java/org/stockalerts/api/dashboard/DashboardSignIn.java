package org.stockalerts.api.dashboard;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the dashboard's page needs to offer a sign-in through the issuer ({@code GET /dashboard/config.json}): public
 * values only, no secret. {@code oidc} is null when no issuer or no client id is configured.
 */
record DashboardSignIn(Oidc oidc) {

    /**
     * The issuer (whose discovery document the page reads), the page's client id, its scopes (separated by spaces, as
     * the authorization request takes them), the button's name, and the origin of the issuer's token endpoint (the
     * page refuses a discovery document whose token endpoint is elsewhere: its policy would block the exchange).
     */
    record Oidc(String issuer, String clientId, String scopes, String name, String tokenOrigin) {}

    static DashboardSignIn of(String issuerUri, DashboardSignInSettings settings) {
        if (issuerUri == null || issuerUri.isBlank() || settings.clientId().isBlank()) {
            return new DashboardSignIn(null);
        }
        String name = settings.name().isBlank() ? URI.create(issuerUri).getHost() : settings.name();
        String tokenOrigin = settings.tokenOrigin().isBlank()
                ? origin(issuerUri, "spring.security.oauth2.resourceserver.jwt.issuer-uri")
                : origin(settings.tokenOrigin(), "stockalerts.dashboard.oidc.token-origin");
        return new DashboardSignIn(
                new Oidc(issuerUri, settings.clientId(), String.join(" ", settings.scopes()), name, tokenOrigin));
    }

    /**
     * The origins the page fetches from besides its own: the issuer's (its discovery document) and its token
     * endpoint's, each once; the Content-Security-Policy's {@code connect-src} allows them.
     */
    List<String> connectOrigins() {
        if (oidc == null) {
            return List.of();
        }
        return Stream.of(origin(oidc.issuer(), "issuer"), oidc.tokenOrigin())
                .distinct()
                .toList();
    }

    /**
     * {@code uri}'s origin as a browser writes it ({@code URL.origin}): {@code scheme://host[:port]}, the scheme and
     * host in lower case, without the scheme's default port.
     *
     * @throws IllegalArgumentException when {@code uri} is not an http(s) URL with a host and no user information
     */
    static String origin(String uri, String setting) {
        URI parsed;
        try {
            parsed = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not a URL: " + uri, e);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http"))
                || parsed.getHost() == null
                || parsed.getRawUserInfo() != null) {
            throw new IllegalArgumentException(setting + " must be an http(s) URL with a host: " + uri);
        }
        int port = parsed.getPort();
        boolean defaultPort =
                port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
