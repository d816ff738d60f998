package org.stockalerts.alerting.delivery;

import java.time.Instant;
import org.stockalerts.common.event.AlertTriggered;

/**
 * The JSON body of a webhook call, in the Standard Webhooks shape: a {@code type}, the
 * {@code timestamp} of the call, and the alert as {@code data} (alert and rule ids, the rule as it
 * fired, the tick, the observed value and the user-facing message).
 */
public record WebhookPayload(String type, Instant timestamp, AlertTriggered data) {

    /** The {@code type} of a fired alert. */
    public static final String ALERT_TRIGGERED = "alert.triggered";

    public static WebhookPayload of(AlertTriggered alert, Instant timestamp) {
        return new WebhookPayload(ALERT_TRIGGERED, timestamp, alert);
    }
}
