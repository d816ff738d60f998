package org.stockalerts.common.database;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code bootstrap-db} reads from the environment: the database as the services find it
 * ({@code DATABASE_URL}, else the Go version's {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}), the
 * administrator it connects as ({@code STOCKALERTS_DB_ADMIN_USER}, default {@code postgres};
 * {@code STOCKALERTS_DB_ADMIN_PASSWORD}, default none) and each service's role, resolved as
 * stockalerts-database.yml resolves it for the service, so both sides agree on every name and password.
 */
public record BootstrapSettings(
        String url, String adminUser, String adminPassword, List<ServiceRole> roles, Optional<String> singleUser) {

    static final String ADMIN_USER = "STOCKALERTS_DB_ADMIN_USER";
    static final String ADMIN_PASSWORD = "STOCKALERTS_DB_ADMIN_PASSWORD";

    /** The settings {@code environment} gives. */
    public static BootstrapSettings from(Map<String, String> environment) {
        Lookup env = new Lookup(environment);
        String url = env.text("DATABASE_URL")
                .orElseGet(() -> "jdbc:postgresql://" + env.text("DB_HOST").orElse("127.0.0.1") + ":"
                        + env.text("DB_PORT").orElse("5432") + "/"
                        + env.text("DB_NAME").orElse("stock_alerts"));
        Optional<String> singleUser = env.text("DATABASE_USER").or(() -> env.text("DB_USER"));
        List<ServiceRole> roles = Arrays.stream(ServiceRole.SCHEMAS)
                .map(schema -> new ServiceRole(
                        schema,
                        env.text(ServiceRole.userVariable(schema)).orElse(ServiceRole.defaultName(schema)),
                        env.set("DATABASE_PASSWORD")
                                .or(() -> env.set("DB_PASSWORD"))
                                .or(() -> env.set(ServiceRole.passwordVariable(schema)))
                                .orElse(ServiceRole.defaultName(schema))))
                .toList();
        return new BootstrapSettings(
                url,
                env.text(ADMIN_USER).orElse("postgres"),
                env.set(ADMIN_PASSWORD).orElse(""),
                roles,
                singleUser);
    }

    @Override
    public String toString() {
        return "BootstrapSettings[url=" + url + ", adminUser=" + adminUser + ", roles=" + roles + "]";
    }

    /** As Spring's placeholders read variables: a set password counts even when empty, a blank name does not. */
    private record Lookup(Map<String, String> environment) {

        Optional<String> set(String name) {
            return Optional.ofNullable(environment.get(name));
        }

        Optional<String> text(String name) {
            return set(name).filter(value -> !value.isBlank());
        }
    }
}
