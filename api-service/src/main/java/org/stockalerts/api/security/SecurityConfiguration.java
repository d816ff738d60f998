package org.stockalerts.api.security;

import java.time.Clock;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.stockalerts.api.web.ProblemResponses;

/** Registers the API key filter on every route and the {@link CurrentUser} argument resolver. */
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
            JdbcTemplate jdbc, Clock clock, SecuritySettings settings, ProblemResponses problems) {
        KeyLookup keys = new KeyLookup(jdbc);
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyAuthenticationFilter(keys, new KeyUsage(keys, clock), settings, problems));
        registration.setOrder(FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }
}
