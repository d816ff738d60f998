package org.stockalerts.common.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * What a test message to a channel came to ({@code POST /users/{id}/channels/{channelId}/test}): alert-consumer sends
 * it through the channel's sender and answers this; api-service passes it on.
 *
 * @param outcome {@code DELIVERED}, {@code RETRYABLE} (the provider failed for now, or asked to wait
 *     {@code retryAfterSeconds}) or {@code PERMANENT} (the provider refused for good)
 * @param statusCode the provider's HTTP status; null for e-mail and when no answer came
 * @param error what the provider or the connection said, never the channel's secret; null when delivered
 * @param retryAfterSeconds the wait the provider asked for; null when it asked for none
 * @param latencyMillis how long the provider took to answer
 */
public record ChannelTestResult(
        UUID channelId,
        String outcome,
        Integer statusCode,
        String error,
        Long retryAfterSeconds,
        long latencyMillis,
        Instant testedAt) {

    /** Whether the provider took the message. */
    public boolean delivered() {
        return "DELIVERED".equals(outcome);
    }
}
