package org.stockalerts.api.quota;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.stockalerts.api.web.ApiException;

/** A write would take a user past one of their quotas; answered 409 naming the limit and its value. */
public class QuotaExceededException extends ApiException {

    private final Quota quota;
    private final int maximum;

    QuotaExceededException(Quota quota, int maximum) {
        super(
                HttpStatus.CONFLICT,
                "Quota exceeded",
                "at most " + maximum + " " + quota.noun() + " per user (stockalerts.api.quotas." + quota.property()
                        + ")");
        this.quota = quota;
        this.maximum = maximum;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("limit", quota.property(), "maximum", maximum);
    }
}
