package org.stockalerts.api.marketdata;

/**
 * The provider could not be reached or answered something unusable. Transient failures (network
 * errors, timeouts, 5xx) are worth retrying; the others are not.
 */
public class QuoteProviderException extends RuntimeException {

    private final boolean transientFailure;

    public QuoteProviderException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
