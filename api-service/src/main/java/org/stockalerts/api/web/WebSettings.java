package org.stockalerts.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP input limits ({@code stockalerts.api.web.*}).
 *
 * @param maxRequestBytes largest accepted request body ({@code STOCKALERTS_API_WEB_MAX_REQUEST_BYTES})
 * @param maxPageSize largest page a list route returns ({@code STOCKALERTS_API_WEB_MAX_PAGE_SIZE})
 * @param defaultPageSize page size when the request names none
 */
@ConfigurationProperties("stockalerts.api.web")
public record WebSettings(
        @DefaultValue("65536") long maxRequestBytes,
        @DefaultValue("200") int maxPageSize,
        @DefaultValue("50") int defaultPageSize) {

    public WebSettings {
        if (maxRequestBytes < 1 || maxPageSize < 1 || defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException(
                    "stockalerts.api.web: sizes must be positive and default-page-size at most max-page-size");
        }
    }
}
