package org.stockalerts.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The tables of another service, built in the test database by that service's own Flyway migrations,
 * as it migrates them when it starts: schema {@code <name>}, history table in that schema. This
 * module carries each service's {@code db/migration/<name>} folder as {@code service-migrations/<name>}
 * (copied from the service's sources when it is built), so a test reads what the owner writes without
 * depending on the owner's module, and no copy of its DDL can drift from it.
 */
public final class ServiceSchemas implements BeforeAllCallback {

    private static final String LOCATION = "classpath:service-migrations/";
    private static final Set<String> MIGRATED = ConcurrentHashMap.newKeySet();

    /** Migrates each of {@code schemas} in the test database, once per test JVM. */
    public static synchronized void migrate(String... schemas) {
        TestDatabase.Endpoint database = TestDatabase.endpoint();
        for (String schema : schemas) {
            if (MIGRATED.contains(schema)) {
                continue;
            }
            migrate(database, schema);
            MIGRATED.add(schema);
        }
    }

    /** Migrates {@code schema} in {@code database}, e.g. a second database a test made for itself. */
    public static void migrate(TestDatabase.Endpoint database, String schema) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .schemas(schema)
                .defaultSchema(schema)
                .locations(LOCATION + schema)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithServiceSchemas.class)
                .ifPresent(annotation -> migrate(annotation.value()));
    }
}
