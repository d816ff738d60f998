package org.stockalerts.common.database;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * {@code bootstrap-db}: as an administrator, creates one login role per service (no superuser, no
 * database or role creation) with its password, then runs the Flyway location {@value #LOCATION}
 * (history table {@value #HISTORY_TABLE} in {@code public}), which creates each service's schema
 * owned by its role. Each service then migrates its own schema as that role and can write nowhere
 * else; what it reads of another schema, the owner grants (db/grants/&lt;schema&gt;/afterMigrate.sql).
 * Safe to run again: roles and passwords are brought to the settings every time.
 */
public final class DatabaseBootstrap {

    /** The first argument of a service jar that runs this instead of the service. */
    public static final String COMMAND = "bootstrap-db";

    static final String LOCATION = "classpath:db/bootstrap";
    static final String HISTORY_TABLE = "stockalerts_bootstrap_history";

    private DatabaseBootstrap() {}

    /** Whether {@code args} ask for the bootstrap rather than the service. */
    public static boolean requested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the bootstrap the environment describes; returns the exit status (0 done or not needed, 1 failed). */
    public static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
        BootstrapSettings settings;
        try {
            settings = BootstrapSettings.from(environment);
        } catch (IllegalArgumentException e) {
            err.println(COMMAND + ": " + e.getMessage());
            return 1;
        }
        if (settings.singleUser().isPresent()) {
            out.println(COMMAND + ": DATABASE_USER / DB_USER names one user for every service ("
                    + settings.singleUser().get() + "), which owns every schema: no service roles to create");
            return 0;
        }
        try {
            run(settings);
        } catch (SQLException | RuntimeException e) {
            err.println(
                    COMMAND + " failed on " + settings.url() + " as " + settings.adminUser() + ": " + e.getMessage());
            return 1;
        }
        out.println(COMMAND + ": " + settings.url() + " has the roles and schemas "
                + settings.roles().stream()
                        .map(role -> role.user() + " -> " + role.schema())
                        .toList());
        return 0;
    }

    /** Creates or updates the roles, then their schemas, in the database at {@code settings.url()}. */
    public static void run(BootstrapSettings settings) throws SQLException {
        try (Connection admin =
                        DriverManager.getConnection(settings.url(), settings.adminUser(), settings.adminPassword());
                Statement sql = admin.createStatement()) {
            for (ServiceRole role : settings.roles()) {
                ensureRole(sql, role);
            }
        }
        Map<String, String> placeholders = new HashMap<>();
        settings.roles().forEach(role -> placeholders.put(role.placeholder(), role.user()));
        Flyway.configure()
                .dataSource(settings.url(), settings.adminUser(), settings.adminPassword())
                .schemas("public")
                .createSchemas(false)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .placeholders(placeholders)
                .load()
                .migrate();
    }

    // Roles belong to the server, not to one database, so they are made sure of here at every run rather than
    // in a migration a second database would skip. The password is a literal (ALTER ROLE takes no parameters).
    private static void ensureRole(Statement sql, ServiceRole role) throws SQLException {
        String literal = "'" + role.user() + "'";
        sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + literal
                + ") THEN CREATE ROLE \"" + role.user() + "\"; END IF; END $$");
        sql.execute("ALTER ROLE \"" + role.user()
                + "\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '"
                + role.password().replace("'", "''") + "'");
    }
}
