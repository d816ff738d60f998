package org.stockalerts.testsupport;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The tables of another service, built in the test database by that service's own Flyway migrations,
 * as it migrates them when it starts: schema {@code <name>}, history table in that schema. This
 * module carries each service's {@code db/migration/<name>} folder as {@code service-migrations/<name>}
 * (copied from the service's sources when it is built), so a test reads what the owner writes without
 * depending on the owner's module, and no copy of its DDL can drift from it.
 */
public final class ServiceSchemas implements BeforeAllCallback {

    private static final String LOCATION = "classpath:service-migrations/";
    private static final String GRANTS = "classpath:service-grants";
    private static final Pattern READER_ROLE = Pattern.compile("\\$\\{stockalerts\\.database\\.roles\\.(\\w+)\\.user}");
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

    /**
     * Migrates {@code schema} in {@code database} as its service does at start, logged in as the
     * schema's owner: its migrations, then the grant of SELECT on the tables its application.yml names
     * ({@code spring.flyway.placeholders.reader_tables}) to the reading service's role, whose name
     * {@code roles} maps from the settings' key ({@code api}, {@code alerting}, {@code persistence}).
     */
    public static void migrateAsOwner(TestDatabase.Endpoint database, String schema, Map<String, String> roles) {
        Properties settings = serviceSettings(schema);
        Matcher reader = READER_ROLE.matcher(settings.getProperty("spring.flyway.placeholders.reader_role", ""));
        if (!reader.matches()) {
            throw new IllegalStateException(schema + "'s application.yml names no reader role");
        }
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .schemas(schema)
                .defaultSchema(schema)
                .locations(LOCATION + schema, GRANTS)
                .failOnMissingLocations(true)
                .placeholders(Map.of(
                        "reader_role", roles.get(reader.group(1)),
                        "reader_tables", settings.getProperty("spring.flyway.placeholders.reader_tables")))
                .load()
                .migrate();
    }

    private static Properties serviceSettings(String schema) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("service-settings/" + schema + "/application.yml"));
        return yaml.getObject();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithServiceSchemas.class)
                .ifPresent(annotation -> migrate(annotation.value()));
    }
}
