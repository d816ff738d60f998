package org.stockalerts.api.security;

/**
 * A person as an OpenID Connect issuer names them in a verified token.
 *
 * @param issuer the token's {@code iss}; with the subject, the key of the user
 * @param subject the value of the configured user claim ({@code sub} unless set), unique within the issuer
 * @param name what a user created at the first sight of this identity is called
 */
public record FederatedIdentity(String issuer, String subject, String name) {}
