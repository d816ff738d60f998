package org.stockalerts.alerting.clock;

/**
 * The host's clock cannot be vouched for now: it was last measured too long ago (or never) and was then
 * off by more than the bound. What needs a checked time (a webhook's signature timestamp) waits for the
 * next measurement instead of going out with a time receivers may refuse.
 */
public class ClockUncheckedException extends RuntimeException {

    public ClockUncheckedException(String message) {
        super(message);
    }
}
