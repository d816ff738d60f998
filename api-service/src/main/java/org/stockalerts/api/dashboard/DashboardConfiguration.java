package org.stockalerts.api.dashboard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The dashboard's security headers on its files, which Spring Boot serves from {@code classpath:/static/}, and its
 * sign-in settings.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    DashboardSignIn dashboardSignIn(
            ObjectProvider<OAuth2ResourceServerProperties> resourceServer, DashboardSignInSettings settings) {
        String issuer = resourceServer
                .getIfAvailable(OAuth2ResourceServerProperties::new)
                .getJwt()
                .getIssuerUri();
        return DashboardSignIn.of(issuer, settings);
    }

    @Bean
    FilterRegistrationBean<DashboardHeadersFilter> dashboardHeadersFilter(DashboardSignIn signIn) {
        FilterRegistrationBean<DashboardHeadersFilter> registration =
                new FilterRegistrationBean<>(new DashboardHeadersFilter(signIn.connectOrigins()));
        // after the path firewall, before the API key filter: a refused request gets the headers too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
