package org.stockalerts.api.channels;

import org.springframework.http.HttpStatus;
import org.stockalerts.api.web.ApiException;

/** alert-consumer, which sends test messages, could not answer (down, restarting): try again shortly. */
class DeliveryServiceUnavailableException extends ApiException {

    DeliveryServiceUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Delivery service unavailable", detail);
    }
}
