package org.stockalerts.api.idempotency;

import java.util.Arrays;

/**
 * The first answer to a request with an idempotency key, and what identifies that request.
 *
 * @param route method and path, e.g. {@code POST /alerts}
 * @param requestHash SHA-256 of the request body
 * @param location the {@code Location} header, null when the answer had none
 */
record StoredAnswer(String route, byte[] requestHash, int status, String contentType, String location, byte[] body) {

    /** Whether {@code route} and {@code requestHash} are those of the request this answers. */
    boolean answers(String route, byte[] requestHash) {
        return this.route.equals(route) && Arrays.equals(this.requestHash, requestHash);
    }
}
