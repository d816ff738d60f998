package org.stockalerts.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Marks a {@code @SpringBootTest} that runs against the real test PostgreSQL and Kafka broker (see
 * {@link RealInfrastructure}). The infrastructure is started once per test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = RealInfrastructure.class)
public @interface IntegrationTest {}
