package org.stockalerts.alerting.delivery;

import java.time.Duration;

/**
 * What one attempt to send through a channel came to.
 *
 * @param statusCode the receiver's HTTP status, null for e-mail and when no response came
 * @param error why it failed, null when delivered
 * @param retryAfter the wait the receiver asked for, null when it asked for none
 */
public record SendResult(Kind kind, Integer statusCode, String error, Duration retryAfter) {

    /** Delivered, worth another try, or failed for good. */
    public enum Kind {
        DELIVERED,
        RETRYABLE,
        PERMANENT
    }

    public static SendResult delivered(Integer statusCode) {
        return new SendResult(Kind.DELIVERED, statusCode, null, null);
    }

    public static SendResult retryable(Integer statusCode, String error, Duration retryAfter) {
        return new SendResult(Kind.RETRYABLE, statusCode, error, retryAfter);
    }

    public static SendResult permanent(Integer statusCode, String error) {
        return new SendResult(Kind.PERMANENT, statusCode, error, null);
    }
}
