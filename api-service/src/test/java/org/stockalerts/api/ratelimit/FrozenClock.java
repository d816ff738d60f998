package org.stockalerts.api.ratelimit;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.stockalerts.testsupport.MutableClock;

/** The service's clock, standing still until a test moves it: no bucket refills behind a test's back. */
@TestConfiguration
class FrozenClock {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    }
}
