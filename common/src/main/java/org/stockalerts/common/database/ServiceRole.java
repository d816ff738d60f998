package org.stockalerts.common.database;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The PostgreSQL role a service logs in as: it owns {@code schema} and nothing else. The password
 * never appears in {@link #toString()}.
 */
public record ServiceRole(String schema, String user, String password) {

    /** The schemas of the services with a database: api-service, alert-consumer, persistence-consumer. */
    public static final String[] SCHEMAS = {"api", "alerting", "persistence"};

    // a plain lower-case identifier: it goes into SQL (quoted) and into the services' settings unchanged
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public ServiceRole {
        if (!NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("the role of schema " + schema + " must be a lower-case identifier"
                    + " (letters, digits, _; at most 63), not '" + user + "'");
        }
    }

    /** The variable that names this role, e.g. {@code STOCKALERTS_DB_API_USER}. */
    public static String userVariable(String schema) {
        return "STOCKALERTS_DB_" + schema.toUpperCase(Locale.ROOT) + "_USER";
    }

    /** The variable that holds this role's password, e.g. {@code STOCKALERTS_DB_API_PASSWORD}. */
    public static String passwordVariable(String schema) {
        return "STOCKALERTS_DB_" + schema.toUpperCase(Locale.ROOT) + "_PASSWORD";
    }

    /** The role's name when its variable is unset, e.g. {@code stockalerts_api}; also its default password. */
    public static String defaultName(String schema) {
        return "stockalerts_" + schema;
    }

    /** The Flyway placeholder that names this role in the bootstrap and grant scripts, e.g. {@code api_role}. */
    public String placeholder() {
        return schema + "_role";
    }

    @Override
    public String toString() {
        return "ServiceRole[schema=" + schema + ", user=" + user + "]";
    }
}
