package org.stockalerts.api.dashboard;

import java.net.URI;
import java.util.Optional;

/**
 * What the dashboard's page needs to offer a sign-in through the issuer ({@code GET /dashboard/config.json}): public
 * values only, no secret. {@code oidc} is null when no issuer or no client id is configured.
 */
record DashboardSignIn(Oidc oidc) {

    /**
     * The issuer (whose discovery document the page reads), the page's client id, its scopes (separated by spaces, as
     * the authorization request takes them) and the button's name.
     */
    record Oidc(String issuer, String clientId, String scopes, String name) {}

    static DashboardSignIn of(String issuerUri, DashboardSignInSettings settings) {
        if (issuerUri == null || issuerUri.isBlank() || settings.clientId().isBlank()) {
            return new DashboardSignIn(null);
        }
        String name = settings.name().isBlank() ? URI.create(issuerUri).getHost() : settings.name();
        return new DashboardSignIn(new Oidc(issuerUri, settings.clientId(), String.join(" ", settings.scopes()), name));
    }

    /**
     * The origin the page fetches the discovery document and the token from, {@code scheme://host[:port]}; the
     * Content-Security-Policy's {@code connect-src} allows it.
     */
    Optional<String> issuerOrigin() {
        if (oidc == null) {
            return Optional.empty();
        }
        URI issuer = URI.create(oidc.issuer());
        return Optional.of(issuer.getScheme() + "://" + issuer.getRawAuthority());
    }
}
