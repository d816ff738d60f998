package org.stockalerts.alerting.delivery;

import java.time.Duration;

/** An attempt failed in a way worth retrying (timeout, 5xx, 429, SMTP trouble). */
public class DeliveryFailedException extends RuntimeException {

    private final transient Duration retryAfter;

    public DeliveryFailedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** The wait the receiver asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
