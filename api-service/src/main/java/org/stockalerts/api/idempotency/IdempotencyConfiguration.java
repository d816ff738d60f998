package org.stockalerts.api.idempotency;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Locale;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.stockalerts.api.web.ProblemResponses;

/** The idempotency filter on the {@link Idempotent} routes, its cleanup, and the header in the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** After the API key filter, which names the caller the keys are scoped to. */
    private static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlerMapping,
            StoredAnswers answers,
            PlatformTransactionManager transactions,
            ProblemResponses problems) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(new IdempotentRoutes(handlerMapping), answers, transactions, problems));
        registration.setOrder(FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    ExpiredAnswersCleanup expiredAnswersCleanup(StoredAnswers answers, IdempotencySettings settings) {
        return new ExpiredAnswersCleanup(answers, settings.cleanupInterval());
    }

    @Bean
    OperationCustomizer idempotencyKeyHeader(IdempotencySettings settings) {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(Idempotent.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyKey.HEADER)
                        .required(false)
                        .description("A key of your choice (e.g. a random UUID), 1 to " + IdempotencyKey.MAX_LENGTH
                                + " printable ASCII characters, bare or as a quoted structured-field string."
                                + " A retry with the same key and body within "
                                + settings.ttl().toString().substring(2).toLowerCase(Locale.ROOT)
                                + " gets the first successful answer again, with '" + IdempotencyFilter.REPLAYED
                                + ": true', instead of creating twice; the same key with another body answers"
                                + " 422, while the first request still runs 409, an invalid key 400.")
                        .schema(new StringSchema().minLength(1).maxLength(IdempotencyKey.MAX_LENGTH)));
            }
            return operation;
        };
    }
}
