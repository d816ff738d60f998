package org.stockalerts.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.ServiceSchemas;
import org.stockalerts.testsupport.TestDatabase;

/**
 * bootstrap-db on a fresh database of the real PostgreSQL, then every service's real migrations run
 * as its own role, as the services run them at start: each role writes only its own schema and reads
 * of another's exactly the tables the services read today.
 */
class DatabaseBootstrapTest {

    /** PostgreSQL's insufficient_privilege. */
    private static final String PERMISSION_DENIED = "42501";

    // roles belong to the whole server: names of this run only, dropped afterwards
    private static final String PREFIX =
            "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final List<TestDatabase.Endpoint> DATABASES = new ArrayList<>();

    private static TestDatabase.Endpoint database;

    @BeforeAll
    static void bootstrapAndMigrateEveryServiceAsItsRole() throws SQLException {
        database = fresh();
        assertThat(bootstrap(database)).isZero();
        for (String schema : ServiceRole.SCHEMAS) {
            ServiceSchemas.migrateAsOwner(as(database, schema), schema, placeholders());
        }
    }

    @Test
    void everyRoleLogsInButHoldsNoServerWidePower() throws SQLException {
        try (Connection admin = database.connect();
                Statement sql = admin.createStatement();
                ResultSet roles = sql.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname LIKE '" + PREFIX
                        + "%' AND rolcanlogin AND NOT (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication"
                        + " OR rolbypassrls)")) {
            roles.next();
            assertThat(roles.getInt(1)).isEqualTo(ServiceRole.SCHEMAS.length);
        }
    }

    @Test
    void eachSchemaAndEverythingInItBelongsToItsServicesRole() throws SQLException {
        try (Connection admin = database.connect();
                Statement sql = admin.createStatement();
                ResultSet owners = sql.executeQuery(
                        "SELECT n.nspname, pg_get_userbyid(n.nspowner), pg_get_userbyid(c.relowner) FROM pg_class c"
                                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname IN ('api', 'alerting', 'persistence')")) {
            int objects = 0;
            while (owners.next()) {
                objects++;
                assertThat(owners.getString(2)).isEqualTo(role(owners.getString(1)));
                assertThat(owners.getString(3)).isEqualTo(role(owners.getString(1)));
            }
            assertThat(objects).isPositive();
        }
    }

    @Test
    void noRoleCanWriteOrCreateInAnotherServicesSchema() throws SQLException {
        for (String writer : ServiceRole.SCHEMAS) {
            for (String target : ServiceRole.SCHEMAS) {
                if (writer.equals(target)) {
                    continue;
                }
                assertDenied(writer, "CREATE TABLE " + target + ".intruder (id int)");
                assertDenied(writer, "INSERT INTO " + target + "." + someTable(target) + " DEFAULT VALUES");
            }
            assertDenied(writer, "CREATE SCHEMA " + PREFIX + "_" + writer);
            assertDenied(writer, "CREATE TABLE public.intruder (id int)");
        }
    }

    @Test
    void aRoleStillCreatesAndWritesInItsOwnSchema() throws SQLException {
        try (Connection persistence = as(database, "persistence").connect();
                Statement sql = persistence.createStatement()) {
            sql.execute("CREATE TABLE persistence.scratch (id int)");
            assertThat(sql.executeUpdate("INSERT INTO persistence.scratch VALUES (1)"))
                    .isOne();
            sql.execute("DROP TABLE persistence.scratch");
        }
    }

    @Test
    void readersSeeExactlyTheTablesTheServicesReadToday() throws SQLException {
        for (String table : List.of(
                "persistence.price_ticks",
                "persistence.latest_ticks",
                "persistence.stock_analytics",
                "persistence.alerts",
                "alerting.alert_deliveries",
                "alerting.endpoint_states",
                "alerting.feed_notices")) {
            assertReadable("api", table);
        }
        assertReadable("alerting", "api.notification_channels");
        assertReadable("alerting", "api.user_preferences");
        assertReadable("alerting", "api.alert_rules");

        assertDenied("api", "SELECT count(*) FROM persistence.user_event_log");
        assertDenied("alerting", "SELECT count(*) FROM api.api_keys");
        assertDenied("alerting", "SELECT count(*) FROM persistence.alerts");
        assertDenied("persistence", "SELECT count(*) FROM api.notification_channels");
        assertDenied("alerting", "UPDATE api.user_preferences SET time_zone = time_zone");
        assertDenied("api", "UPDATE alerting.alert_deliveries SET attempt = attempt");
        assertDenied("alerting", "UPDATE api.alert_rules SET status = status");
        assertDenied("api", "DELETE FROM alerting.feed_notices");
    }

    @Test
    void runningTheBootstrapAgainChangesNothingTheServicesNeed() throws SQLException {
        assertThat(bootstrap(database)).isZero();
        for (String schema : ServiceRole.SCHEMAS) {
            ServiceSchemas.migrateAsOwner(as(database, schema), schema, placeholders());
        }
        assertReadable("api", "persistence.alerts");
        assertDenied("api", "INSERT INTO persistence.alerts DEFAULT VALUES");
    }

    @Test
    void handsASchemaMigratedByOneUserForAllToItsRole() throws SQLException {
        // Given the layout of an earlier version: persistence migrated by the administrator itself
        TestDatabase.Endpoint upgraded = fresh();
        ServiceSchemas.migrate(upgraded, "persistence");

        // When the bootstrap runs, then the service migrates as its role
        assertThat(bootstrap(upgraded)).isZero();
        ServiceSchemas.migrateAsOwner(as(upgraded, "persistence"), "persistence", placeholders());

        // Then the role owns the tables and the partition function, and can use them
        try (Connection persistence = as(upgraded, "persistence").connect();
                Statement sql = persistence.createStatement()) {
            // the service's connections have this search path (persistence-consumer's application.yml)
            sql.execute("SET search_path TO persistence");
            try (ResultSet created =
                    sql.executeQuery("SELECT ensure_price_tick_partitions(DATE '2099-01-01', DATE '2099-01-02')")) {
                created.next();
                assertThat(created.getInt(1)).isEqualTo(2);
            }
            assertThat(sql.executeUpdate("DELETE FROM persistence.alerts")).isZero();
        }
    }

    @Test
    void handsWhatTheAdministratorCreatedInASchemaToItsRoleAtTheNextRun() throws SQLException {
        // Given a daily partition the administrator created (as import-seed does)
        try (Connection admin = database.connect();
                Statement sql = admin.createStatement()) {
            sql.execute("SET search_path TO persistence");
            sql.execute("SELECT ensure_price_tick_partitions(DATE '2098-01-01', DATE '2098-01-01')");
        }

        // When the bootstrap runs again
        assertThat(bootstrap(database)).isZero();

        // Then the persistence role owns it, and so can drop it at retention
        execute("persistence", "DROP TABLE persistence.price_ticks_20980101");
    }

    @Test
    void aSingleUserForEveryServiceNeedsNoRoles() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = DatabaseBootstrap.run(
                Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere", "DB_USER", "gopher"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("gopher", "no service roles to create");
    }

    @AfterAll
    static void dropTheDatabasesThenTheRoles() throws SQLException {
        try (Connection admin = TestDatabase.endpoint().connect();
                Statement sql = admin.createStatement()) {
            for (TestDatabase.Endpoint each : DATABASES) {
                String url = each.jdbcUrl();
                sql.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
            }
            for (String schema : ServiceRole.SCHEMAS) {
                sql.execute("DROP ROLE IF EXISTS " + role(schema));
            }
        }
    }

    private static TestDatabase.Endpoint fresh() {
        TestDatabase.Endpoint created = TestDatabase.another("bootstrap");
        DATABASES.add(created);
        return created;
    }

    private static int bootstrap(TestDatabase.Endpoint target) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", target.jdbcUrl());
        environment.put(BootstrapSettings.ADMIN_USER, target.username());
        environment.put(BootstrapSettings.ADMIN_PASSWORD, target.password());
        for (String schema : ServiceRole.SCHEMAS) {
            environment.put(ServiceRole.userVariable(schema), role(schema));
            environment.put(ServiceRole.passwordVariable(schema), password(schema));
        }
        return DatabaseBootstrap.run(environment, System.out, System.err);
    }

    private static String role(String schema) {
        return PREFIX + "_" + schema;
    }

    private static String password(String schema) {
        return "pw-" + schema + "-it's";
    }

    private static TestDatabase.Endpoint as(TestDatabase.Endpoint target, String schema) {
        return new TestDatabase.Endpoint(target.jdbcUrl(), role(schema), password(schema));
    }

    /** This run's role of each service, by the key its settings name it with. */
    private static Map<String, String> placeholders() {
        return Map.of("api", role("api"), "alerting", role("alerting"), "persistence", role("persistence"));
    }

    private static String someTable(String schema) {
        return switch (schema) {
            case "api" -> "users";
            case "alerting" -> "alert_deliveries";
            default -> "alerts";
        };
    }

    private static void assertDenied(String schema, String statement) {
        assertThatThrownBy(() -> execute(schema, statement))
                .as("%s as %s", statement, role(schema))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED));
    }

    private static void assertReadable(String schema, String table) throws SQLException {
        execute(schema, "SELECT count(*) FROM " + table);
    }

    private static void execute(String schema, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), role(schema), password(schema));
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
