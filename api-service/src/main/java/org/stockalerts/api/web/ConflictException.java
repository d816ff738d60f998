package org.stockalerts.api.web;

import org.springframework.http.HttpStatus;

/** The request clashes with the current state, e.g. a duplicate e-mail address or holding. */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, "Conflict", detail);
    }
}
