package org.stockalerts.api.web;

import org.springframework.http.HttpStatus;

/** The caller is authenticated but may not use the route, e.g. an operator's route with a user key. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    /** For a route only the admin key may call. */
    public static ForbiddenException adminOnly() {
        return new ForbiddenException("only the admin key may use this route");
    }
}
