package org.stockalerts.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test reads tables other services own: before its first test, their real migrations build
 * the named schemas ({@code "persistence"}, {@code "alerting"}, {@code "api"}) in the test database
 * (see {@link ServiceSchemas}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ServiceSchemas.class)
public @interface WithServiceSchemas {

    /** The schemas, each migrated by its owner's migrations. */
    String[] value();
}
