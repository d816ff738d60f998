package org.stockalerts.api.channels;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook channel settings ({@code stockalerts.api.*}).
 *
 * @param webhookAllowedHosts host names accepted as webhook targets even though they resolve to a
 *     private, loopback or link-local address, e.g. an in-cluster receiver
 *     ({@code STOCKALERTS_API_WEBHOOK_ALLOWED_HOSTS}, comma-separated; empty by default)
 */
@ConfigurationProperties("stockalerts.api")
public record WebhookSettings(@DefaultValue("") List<String> webhookAllowedHosts) {

    public WebhookSettings {
        webhookAllowedHosts = webhookAllowedHosts.stream()
                .map(String::strip)
                .filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT))
                .toList();
    }
}
