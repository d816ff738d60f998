package org.stockalerts.api.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.stockalerts.api.web.ProblemResponses;

/**
 * The rate limit filters: by client address before the API key filter (so guessing keys is limited
 * too), by key after it. {@code stockalerts.api.rate-limits.enabled=false} leaves them out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "stockalerts.api.rate-limits", name = "enabled", matchIfMissing = true)
class RateLimitConfiguration {

    /** Between the request size limit (+10) and the API key filter (+20). */
    private static final int BY_ADDRESS_ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    /** Right after the API key filter (+20), which names the caller. */
    private static final int BY_KEY_ORDER = Ordered.HIGHEST_PRECEDENCE + 25;

    @Bean(destroyMethod = "close")
    BucketConnections bucketConnections(
            DataSource dataSource, RateLimitSettings settings, ObjectProvider<MeterRegistry> meters) {
        return BucketConnections.like(dataSource, settings.poolSize(), meters.getIfAvailable());
    }

    @Bean
    RateLimiter rateLimiter(BucketConnections connections, RateLimitSettings settings, Clock clock) {
        return new RateLimiter(connections.dataSource(), settings, clock);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitByAddressFilter(RateLimiter limiter, ProblemResponses problems) {
        return registration(new RateLimitFilter(new RequestLimits(limiter)::byAddress, problems), BY_ADDRESS_ORDER);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitByKeyFilter(RateLimiter limiter, ProblemResponses problems) {
        return registration(new RateLimitFilter(new RequestLimits(limiter)::byKey, problems), BY_KEY_ORDER);
    }

    private static FilterRegistrationBean<RateLimitFilter> registration(RateLimitFilter filter, int order) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
