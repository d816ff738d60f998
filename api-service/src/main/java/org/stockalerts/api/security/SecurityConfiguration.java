package org.stockalerts.api.security;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.util.StringUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.stockalerts.api.web.ProblemResponses;

/**
 * Registers the API key filter on every route (with JWTs of the configured issuer, if any), the {@link CurrentUser}
 * argument resolver, and the JWT types accepted. A JWT decoder needs {@code issuer-uri}: Spring Boot checks a token's
 * issuer only when it is set, and the issuer is half of a user's key.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    /** Runs after the request size limit, before everything else of ours. */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static {
        // the authenticated caller comes from the Authorization header: no request parameter in the OpenAPI description
        SpringDocUtils.getConfig().addAnnotationsToIgnore(CurrentUser.class);
    }

    @Bean
    FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyAuthenticationFilter(
            JdbcTemplate jdbc,
            Clock clock,
            SecuritySettings settings,
            ProblemResponses problems,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<OAuth2ResourceServerProperties> resourceServer,
            JwtSettings jwtSettings,
            FederatedUsers federatedUsers) {
        KeyLookup keys = new KeyLookup(jdbc);
        // Spring Boot builds a decoder only when spring.security.oauth2.resourceserver.jwt.* names an issuer or its
        // keys, and fetches nothing before the first token arrives
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        JwtAuthenticator tokens = decoder == null
                ? null
                : new JwtAuthenticator(
                        decoder,
                        jwtSettings,
                        expectedIssuer(resourceServer
                                .getIfAvailable(OAuth2ResourceServerProperties::new)
                                .getJwt()),
                        federatedUsers);
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyAuthenticationFilter(keys, new KeyUsage(keys, clock), settings, problems, tokens));
        registration.setOrder(FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * The JWT types accepted: {@code JWT}, RFC 9068's {@code at+jwt} (access tokens of Keycloak, Auth0, Okta, …) and
     * none. Spring Boot adds this bean to the decoder's validators, and Spring Security then leaves out its own type
     * validator, which accepts {@code JWT} only.
     */
    @Bean
    OAuth2TokenValidator<Jwt> jwtTypes() {
        JwtTypeValidator types = new JwtTypeValidator("JWT", "at+jwt");
        types.setAllowEmpty(true);
        return types;
    }

    /** The issuer a token must name: refuses to start without one, as keys alone do not say whose tokens they sign. */
    private static String expectedIssuer(OAuth2ResourceServerProperties.Jwt jwt) {
        if (!StringUtils.hasText(jwt.getIssuerUri())) {
            throw new IllegalStateException(ISSUER_URI
                    + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) must be set when JWTs are accepted:"
                    + " without it no token's issuer is checked, and a key set several issuers share (Entra ID's"
                    + " common keys) would let any of them in. Set it to the issuer's iss; a JWK set URI set too"
                    + " still provides the keys");
        }
        if (jwt.getAudiences().isEmpty()) {
            log.atWarn()
                    .addKeyValue("issuer", jwt.getIssuerUri())
                    .log("JWT audiences are not checked: a token the issuer made for another application is accepted;"
                            + " set spring.security.oauth2.resourceserver.jwt.audiences");
        }
        return jwt.getIssuerUri();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }
}
