package org.stockalerts.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.stockalerts.common.database.BootstrapSettings;
import org.stockalerts.common.database.ServiceRole;

/**
 * The shared connection settings (stockalerts-kafka.yml, stockalerts-database.yml) as a service loads them,
 * from a given process environment: the port's variables win, the Go version's stand in for them, and
 * with neither the port's defaults apply.
 */
class ConnectionFallbacksTest {

    /** Every variable of the Go version, none of them at its default. */
    private static final Map<String, String> GO_VERSION = Map.of(
            "DB_HOST", "db.example",
            "DB_PORT", "6543",
            "DB_NAME", "legacy_alerts",
            "DB_USER", "gopher",
            "DB_PASSWORD", "s3cret",
            "KAFKA_BROKER", "broker.example:29092");

    @Test
    void usesThePortsDefaultsWhenNeitherNameIsSet() {
        // When a service starts with none of the variables set
        Connections connections = connectionsFrom(Map.of());

        // Then the port's defaults apply
        assertThat(connections)
                .isEqualTo(new Connections(
                        "jdbc:postgresql://127.0.0.1:5432/stock_alerts", "postgres", "", "localhost:9092"));
    }

    @Test
    void readsEveryVariableOfTheGoVersionWhenThePortsAreUnset() {
        // When only the Go version's variables are set
        Connections connections = connectionsFrom(GO_VERSION);

        // Then the JDBC URL is built from them and the login and the broker are theirs
        assertThat(connections)
                .isEqualTo(new Connections(
                        "jdbc:postgresql://db.example:6543/legacy_alerts", "gopher", "s3cret", "broker.example:29092"));
    }

    @Test
    void fillsTheUrlPartsTheGoVersionLeavesUnsetWithThePortsDefaults() {
        // When only the host and the database name of the Go version are set
        Connections connections = connectionsFrom(Map.of("DB_HOST", "db.example", "DB_NAME", "legacy_alerts"));

        // Then the port, the login and the broker are the port's defaults
        assertThat(connections)
                .isEqualTo(new Connections(
                        "jdbc:postgresql://db.example:5432/legacy_alerts", "postgres", "", "localhost:9092"));
    }

    @Test
    void thePortsVariablesWinWhenBothAreSet() {
        // When both names of every setting are set
        Map<String, String> both = new HashMap<>(GO_VERSION);
        both.putAll(Map.of(
                "DATABASE_URL", "jdbc:postgresql://port.example:5432/stock_alerts",
                "DATABASE_USER", "stockalerts",
                "DATABASE_PASSWORD", "port-secret",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092"));
        Connections connections = connectionsFrom(both);

        // Then the port's variables are what the service uses
        assertThat(connections)
                .isEqualTo(new Connections(
                        "jdbc:postgresql://port.example:5432/stock_alerts",
                        "stockalerts",
                        "port-secret",
                        "kafka.example:9092"));
    }

    @Test
    void anEmptyPasswordOfThePortStillWins() {
        // When DATABASE_PASSWORD is set to nothing and DB_PASSWORD to a password
        Connections connections = connectionsFrom(Map.of("DATABASE_PASSWORD", "", "DB_PASSWORD", "s3cret"));

        // Then the service logs in without a password: set is set, even when empty
        assertThat(connections.password()).isEmpty();
    }

    @Test
    void aServiceWithARoleLogsInAsThatRoleByDefault() {
        // When api-service (stockalerts.database.role: api) starts with none of the variables set
        Connections connections = connectionsFrom(Map.of(), "api");

        // Then it logs in as its own role, with the role's documented default password
        assertThat(connections.user()).isEqualTo("stockalerts_api");
        assertThat(connections.password()).isEqualTo("stockalerts_api");
    }

    @Test
    void theRolesOwnVariablesNameItsLoginAndPassword() {
        // When the persistence role's variables are set
        Map<String, String> role = Map.of(
                "STOCKALERTS_DB_PERSISTENCE_USER", "history_writer",
                "STOCKALERTS_DB_PERSISTENCE_PASSWORD", "history-secret");
        Connections connections = connectionsFrom(role, "persistence");

        // Then they are the service's login
        assertThat(connections.user()).isEqualTo("history_writer");
        assertThat(connections.password()).isEqualTo("history-secret");

        // And a single user given beside them still wins, as it does for every service
        Map<String, String> both = new HashMap<>(GO_VERSION);
        both.putAll(role);
        assertThat(connectionsFrom(both, "persistence").user()).isEqualTo("gopher");
    }

    @Test
    void aSingleUserOfTheGoVersionServesEveryRole() {
        for (String role : ServiceRole.SCHEMAS) {
            // When a service with a role starts with the Go version's DB_USER and DB_PASSWORD
            Connections connections = connectionsFrom(GO_VERSION, role);

            // Then that one user is its login, as before the roles
            assertThat(connections.user()).isEqualTo("gopher");
            assertThat(connections.password()).isEqualTo("s3cret");
        }
    }

    @Test
    void theBootstrapCreatesTheRolesTheServicesLogInAs() {
        for (Map<String, String> variables : List.of(
                Map.<String, String>of(),
                Map.of("DATABASE_PASSWORD", "shared-secret"),
                Map.of("STOCKALERTS_DB_ALERTING_USER", "engine", "STOCKALERTS_DB_ALERTING_PASSWORD", "e"),
                Map.of("DB_PASSWORD", "go-secret", "STOCKALERTS_DB_API_PASSWORD", ""))) {
            // When bootstrap-db and the services read the same environment
            List<ServiceRole> created = BootstrapSettings.from(variables).roles();

            // Then every service logs in as the role the bootstrap made, with the password it set
            for (ServiceRole role : created) {
                Connections connections = connectionsFrom(variables, role.schema());
                assertThat(new ServiceRole(role.schema(), connections.user(), connections.password()))
                        .as("%s with %s", role.schema(), variables.keySet())
                        .isEqualTo(role);
            }
        }
    }

    /** Where a service started with these process variables, and the shared connection files, connects. */
    private static Connections connectionsFrom(Map<String, String> variables) {
        return connectionsFrom(variables, null);
    }

    /** The same for a service that names its role ({@code stockalerts.database.role}), if {@code role} is given. */
    private static Connections connectionsFrom(Map<String, String> variables, String role) {
        StandardEnvironment environment = ProcessEnvironment.of(variables);
        environment.getPropertySources().addLast(new MapPropertySource("imports", serviceSettings(role)));
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setEnvironment(environment);
        try (ConfigurableApplicationContext context = application.run()) {
            ConfigurableEnvironment settings = context.getEnvironment();
            return new Connections(
                    settings.getProperty("spring.datasource.url"),
                    settings.getProperty("spring.datasource.username"),
                    settings.getProperty("spring.datasource.password"),
                    settings.getProperty("spring.kafka.bootstrap-servers"));
        }
    }

    private static Map<String, Object> serviceSettings(String role) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.config.import", "classpath:stockalerts-kafka.yml,classpath:stockalerts-database.yml");
        if (role != null) {
            settings.put("stockalerts.database.role", role);
        }
        return settings;
    }

    private record Connections(String url, String user, String password, String kafka) {}

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {}
}
