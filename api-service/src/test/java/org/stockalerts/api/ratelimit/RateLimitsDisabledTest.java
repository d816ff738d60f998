package org.stockalerts.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.testsupport.SettingsBinding;

/** {@code stockalerts.api.rate-limits.enabled=false} (the shared test context's): the default limits do not apply. */
class RateLimitsDisabledTest extends ApiIntegrationTestSupport {

    @Autowired(required = false)
    RateLimiter limiter;

    @Test
    void admitsMoreRegistrationsAndRequestsThanTheDefaultLimits() {
        // Given the default limits: 10 registrations an hour and a burst of 40 requests per key
        RateLimitSettings defaults = SettingsBinding.bind(RateLimitSettings.class);

        // When one address registers more users, and one key sends more requests, than those allow
        TestUser last = null;
        for (long i = 0; i <= defaults.registrationsPerHour(); i++) {
            last = registerUser("Unlimited " + i);
        }
        for (long i = 0; i <= defaults.perKeyBurst(); i++) {
            // Then each is admitted
            assertThat(get(last, "/users/" + last.id())).hasStatus(200);
        }
        assertThat(limiter).isNull();
    }
}
