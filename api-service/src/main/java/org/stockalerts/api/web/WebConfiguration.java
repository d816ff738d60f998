package org.stockalerts.api.web;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The path firewall, the request size limit, and the JSON rules of the HTTP API: unknown fields refused, decimals read
 * as BigDecimal and written plain. Only the MVC converter is strict; the application's
 * {@link JsonMapper} bean stays as Boot configures it for other uses.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            WebSettings settings, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(settings.maxRequestBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Runs first: every other filter and Spring MVC see only targets in normal form. */
    @Bean
    FilterRegistrationBean<PathFirewallFilter> pathFirewallFilter(ProblemResponses problems) {
        FilterRegistrationBean<PathFirewallFilter> registration =
                new FilterRegistrationBean<>(new PathFirewallFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        JsonMapper strict = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter
                ? new JacksonJsonHttpMessageConverter(strict)
                : converter);
        // byte[] answers (the OpenAPI description) stay raw bytes, never base64 JSON strings
        converters.removeIf(ByteArrayHttpMessageConverter.class::isInstance);
        converters.addFirst(new ByteArrayHttpMessageConverter());
    }
}
