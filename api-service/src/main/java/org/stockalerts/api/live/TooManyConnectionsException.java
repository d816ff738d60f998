package org.stockalerts.api.live;

import java.time.Duration;
import java.util.UUID;
import org.stockalerts.api.web.TooManyRequestsException;

/** A stream past one of the instance's stream limits: the user's own or all users' together. */
class TooManyConnectionsException extends TooManyRequestsException {

    private TooManyConnectionsException(String limit, int maximum, Duration retryAfter, String detail) {
        super(limit, maximum, retryAfter, detail);
    }

    /** The user already holds as many open streams as one instance allows a user. */
    static TooManyConnectionsException perUser(UUID userId, LiveSettings settings) {
        return new TooManyConnectionsException(
                "streams-per-user",
                settings.maxConnectionsPerUser(),
                settings.refusedRetryAfter(),
                "user " + userId + " already has " + settings.maxConnectionsPerUser()
                        + " open streams (stockalerts.live.max-connections-per-user); close one first");
    }

    /** The instance holds as many open streams of all users as it allows. */
    static TooManyConnectionsException total(LiveSettings settings) {
        return new TooManyConnectionsException(
                "streams-total",
                settings.maxConnections(),
                settings.refusedRetryAfter(),
                "this instance already serves " + settings.maxConnections()
                        + " open streams (stockalerts.live.max-connections); retry later");
    }
}
