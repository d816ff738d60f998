package org.stockalerts.api.database;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The statement timeouts of {@link DatabaseSettings}: the pool's as a connection start-up option (so
 * no {@code SET} of another user of a connection can change it for the next), the migrations' on
 * connections Flyway opens for itself and closes, so their value never reaches the pool.
 */
@Configuration(proxyBeanMethods = false)
class StatementTimeouts {

    private static final String OPTIONS = "options";

    /** The profile of an {@code import-seed} run (SeedImportCommand's). */
    private static final String SEED_IMPORT_PROFILE = "seed-import";

    @Bean
    static BeanPostProcessor poolStatementTimeout(ObjectProvider<DatabaseSettings> settings, Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    DatabaseSettings database = settings.getObject();
                    Duration timeout = environment.matchesProfiles(SEED_IMPORT_PROFILE)
                            ? database.seedImportStatementTimeout()
                            : database.statementTimeout();
                    String others = pool.getDataSourceProperties().getProperty(OPTIONS, "");
                    pool.addDataSourceProperty(
                            OPTIONS, (others + " -c statement_timeout=" + timeout.toMillis()).strip());
                }
                return bean;
            }
        };
    }

    @Bean
    FlywayConfigurationCustomizer migrationStatementTimeout(DatabaseSettings settings) {
        return configuration -> {
            DataSource own = DataSourceBuilder.derivedFrom(configuration.getDataSource())
                    .type(SimpleDriverDataSource.class)
                    .build();
            configuration
                    .dataSource(own)
                    .initSql("SET statement_timeout = "
                            + settings.migrationStatementTimeout().toMillis());
        };
    }
}
