package org.stockalerts.alerting.delivery;

import java.time.Duration;

/**
 * What one attempt to send through a channel came to.
 *
 * @param statusCode the receiver's HTTP status, null for e-mail and when no response came
 * @param error why it failed, null when delivered
 * @param retryAfter the wait the receiver asked for, null when it asked for none; for a deferred attempt, how long
 *     it waits
 */
public record SendResult(Kind kind, Integer statusCode, String error, Duration retryAfter) {

    /** Delivered, worth another try, failed for good, or not attempted yet. */
    public enum Kind {
        DELIVERED,
        RETRYABLE,
        PERMANENT,
        /**
         * Not called: the target's circuit is open. The attempt is not used up; it waits until the
         * circuit lets a probe through ({@code retryAfter} from now).
         */
        DEFERRED
    }

    public static SendResult delivered(Integer statusCode) {
        return new SendResult(Kind.DELIVERED, statusCode, null, null);
    }

    public static SendResult retryable(Integer statusCode, String error, Duration retryAfter) {
        return new SendResult(Kind.RETRYABLE, statusCode, error, retryAfter);
    }

    public static SendResult deferred(String error, Duration wait) {
        return new SendResult(Kind.DEFERRED, null, error, wait);
    }

    public static SendResult permanent(Integer statusCode, String error) {
        return new SendResult(Kind.PERMANENT, statusCode, error, null);
    }
}
