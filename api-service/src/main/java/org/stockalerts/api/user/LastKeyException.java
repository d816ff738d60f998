package org.stockalerts.api.user;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.stockalerts.api.web.ApiException;

/** Revoking a user's only key would lock them out for good; answered 409 naming the rule. */
class LastKeyException extends ApiException {

    static final String RULE = "at least one key";

    LastKeyException() {
        super(
                HttpStatus.CONFLICT,
                "Conflict",
                "a user keeps at least one key: create another before revoking this one");
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("rule", RULE);
    }
}
