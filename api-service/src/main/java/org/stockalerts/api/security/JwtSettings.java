package org.stockalerts.api.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a JWT names its user ({@code stockalerts.auth.jwt.*}). The issuer, its keys and the audiences are Spring
 * Boot's own settings, {@code spring.security.oauth2.resourceserver.jwt.*}; JWTs are accepted only when
 * {@code issuer-uri} is set ({@code jwk-set-uri} alone is refused at start-up: no issuer would be checked).
 *
 * @param userClaim the claim whose value names the user within its issuer ({@code sub} unless set, e.g. {@code oid}
 *     for Microsoft Entra ID); the issuer and this value together are the user's key, and the first token with a new
 *     pair creates a user
 */
@Validated
@ConfigurationProperties("stockalerts.auth.jwt")
public record JwtSettings(@DefaultValue("sub") @NotBlank String userClaim) {}
