package org.stockalerts.api.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP input limits ({@code stockalerts.api.web.*}).
 *
 * @param maxRequestBytes largest accepted request body ({@code STOCKALERTS_API_WEB_MAX_REQUEST_BYTES})
 * @param maxPageSize largest page a list route returns ({@code STOCKALERTS_API_WEB_MAX_PAGE_SIZE})
 * @param defaultPageSize page size when the request names none
 */
@Validated
@ConfigurationProperties("stockalerts.api.web")
public record WebSettings(
        @DefaultValue("65536") @Min(1) long maxRequestBytes,
        @DefaultValue("200") @Min(1) int maxPageSize,
        @DefaultValue("50") @Min(1) int defaultPageSize) {

    @AssertTrue(message = "default-page-size must be at most max-page-size")
    boolean isDefaultPageSizeWithinMax() {
        return defaultPageSize <= maxPageSize;
    }
}
