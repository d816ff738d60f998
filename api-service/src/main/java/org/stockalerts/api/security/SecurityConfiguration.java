package org.stockalerts.api.security;

import java.time.Clock;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.stockalerts.api.web.ProblemResponses;

/**
 * Registers the API key filter on every route (with JWTs of the configured issuer, if any) and the {@link
 * CurrentUser} argument resolver.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    /** Runs after the request size limit, before everything else of ours. */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

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
                        resourceServer
                                .getIfAvailable(OAuth2ResourceServerProperties::new)
                                .getJwt()
                                .getJwkSetUri(),
                        federatedUsers);
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyAuthenticationFilter(keys, new KeyUsage(keys, clock), settings, problems, tokens));
        registration.setOrder(FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }
}
