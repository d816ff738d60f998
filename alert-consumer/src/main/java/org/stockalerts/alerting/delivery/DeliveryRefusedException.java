package org.stockalerts.alerting.delivery;

/**
 * A delivery that no retry can fix (refused destination, 4xx other than 408 and 429, unusable
 * address): it goes straight to the dead-letter topic.
 */
public class DeliveryRefusedException extends RuntimeException {

    public DeliveryRefusedException(String message) {
        super(message);
    }
}
