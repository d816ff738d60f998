package org.stockalerts.api.dashboard;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The dashboard's security headers on its files, which Spring Boot serves from {@code classpath:/static/}. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    FilterRegistrationBean<DashboardHeadersFilter> dashboardHeadersFilter() {
        FilterRegistrationBean<DashboardHeadersFilter> registration =
                new FilterRegistrationBean<>(new DashboardHeadersFilter());
        // after the path firewall, before the API key filter: a refused request gets the headers too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
