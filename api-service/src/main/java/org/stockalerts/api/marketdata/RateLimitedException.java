package org.stockalerts.api.marketdata;

/** The provider refused a request because a request limit of the plan is reached. */
public class RateLimitedException extends RuntimeException {

    public RateLimitedException(String message) {
        super(message);
    }
}
