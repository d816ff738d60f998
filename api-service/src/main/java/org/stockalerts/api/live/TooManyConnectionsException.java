package org.stockalerts.api.live;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.stockalerts.api.web.ApiException;

/** The user already holds as many open streams as one instance allows. */
class TooManyConnectionsException extends ApiException {

    TooManyConnectionsException(UUID userId, int limit) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many connections",
                "user " + userId + " already has " + limit + " open streams; close one first");
    }
}
