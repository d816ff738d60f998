package org.stockalerts.alerting.delivery;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** What every {@link ChatSender} needs: the delivery HTTP client, the SSRF policy, the secrets, the users' zones. */
@Component
record ChatSenderParts(
        HttpClient http,
        DestinationPolicy policy,
        WebhookSecrets secrets,
        PreferenceDirectory preferences,
        DeliverySettings settings,
        Clock clock) {}
