package org.stockalerts.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.stockalerts.testsupport.IntegrationTest;

/**
 * The one Spring context of this module's integration tests: the whole service on the real broker
 * and database, with short retry backoffs. Every test class using it shares the cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stockalerts.kafka.listener-retry-backoff=50ms",
            "stockalerts.persistence.database-retry-initial-backoff=200ms",
            "stockalerts.persistence.database-retry-max-backoff=2s",
            "spring.datasource.hikari.connection-timeout=2000"
        })
public @interface PersistenceIntegrationTest {}
