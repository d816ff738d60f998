package org.stockalerts.api.channels;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook secret rotation ({@code stockalerts.api.*}).
 *
 * @param webhookSecretOverlap how long a rotated-away secret still signs deliveries next to the new
 *     one, so receivers can switch without dropping a request ({@code STOCKALERTS_API_WEBHOOK_SECRET_OVERLAP};
 *     24 hours by default, 0 to 7 days; 0 stops signing with the old secret at once)
 */
@Validated
@ConfigurationProperties("stockalerts.api")
public record WebhookSecretSettings(
        @DefaultValue("24h") @DurationMin(seconds = 0) @DurationMax(days = 7)
        Duration webhookSecretOverlap) {}
