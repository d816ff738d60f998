package org.stockalerts.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the real test infrastructure: {@code spring.kafka.bootstrap-servers}
 * at {@link TestKafka} and, unless {@link #withoutDatabase()}, {@code spring.datasource.*} at
 * {@link TestDatabase}. Use through {@link IntegrationTest}.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Property a test sets to {@code false} when its service has no database. */
    public static final String DATABASE_PROPERTY = "stockalerts.test.database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        boolean database = context.getEnvironment().getProperty(DATABASE_PROPERTY, Boolean.class, true);
        if (database) {
            TestDatabase.Endpoint db = TestDatabase.endpoint();
            properties.put("spring.datasource.url", db.jdbcUrl());
            properties.put("spring.datasource.username", db.username());
            properties.put("spring.datasource.password", db.password());
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("realTestInfrastructure", properties));
    }

    /** The property pair that turns the database off, for {@code @SpringBootTest(properties = ...)}. */
    public static String withoutDatabase() {
        return DATABASE_PROPERTY + "=false";
    }
}
