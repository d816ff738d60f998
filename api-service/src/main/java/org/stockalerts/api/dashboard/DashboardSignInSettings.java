package org.stockalerts.api.dashboard;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's sign-in through the API's OpenID Connect issuer ({@code stockalerts.dashboard.oidc.*}), offered
 * when this client id is set and {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} names the issuer.
 *
 * @param clientId the dashboard's client id at the issuer: a public client (no secret) allowed the
 *     authorization-code flow with PKCE and the redirect URI {@code <the dashboard's origin>/}; empty (the default)
 *     offers API keys only
 * @param scopes the scopes the dashboard asks for (comma-separated in the environment); {@code openid} is needed
 * @param name the issuer's name on the sign-in button ("Sign in with <name>"); empty: the issuer's host
 * @param tokenOrigin the origin ({@code https://host[:port]}) of the issuer's token endpoint when it is not the
 *     issuer's own (Google: {@code https://oauth2.googleapis.com}); the page may connect to it. Empty: the issuer's
 */
@ConfigurationProperties("stockalerts.dashboard.oidc")
public record DashboardSignInSettings(
        @DefaultValue("") String clientId,
        @DefaultValue({"openid", "profile"}) List<String> scopes,
        @DefaultValue("") String name,
        @DefaultValue("") String tokenOrigin) {}
