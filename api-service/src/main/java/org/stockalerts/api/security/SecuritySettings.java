package org.stockalerts.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings ({@code stockalerts.api.*}).
 *
 * @param adminKey the operator's key ({@code STOCKALERTS_API_ADMIN_KEY}); it may list all users.
 *     Empty (the default) turns the admin key off.
 */
@ConfigurationProperties("stockalerts.api")
public record SecuritySettings(@DefaultValue("") String adminKey) {

    public boolean adminKeyEnabled() {
        return adminKey != null && !adminKey.isBlank();
    }
}
