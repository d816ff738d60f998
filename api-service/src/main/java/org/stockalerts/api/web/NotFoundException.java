package org.stockalerts.api.web;

import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The resource does not exist, or belongs to someone else (which the caller must not learn). */
public class NotFoundException extends ApiException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "Not found", what + " " + id + " not found");
    }

    public static NotFoundException user(UUID id) {
        return new NotFoundException("user", id);
    }
}
