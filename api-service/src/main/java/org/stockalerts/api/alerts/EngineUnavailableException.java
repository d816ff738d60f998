package org.stockalerts.api.alerts;

import org.springframework.http.HttpStatus;
import org.stockalerts.api.web.ApiException;

/** The alert engine could not answer (down, restarting, rebalancing): try again shortly. */
class EngineUnavailableException extends ApiException {

    EngineUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Alert engine unavailable", detail);
    }
}
