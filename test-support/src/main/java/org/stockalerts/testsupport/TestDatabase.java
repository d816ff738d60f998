package org.stockalerts.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh, empty PostgreSQL database for this test JVM: in a container where Docker answers,
 * otherwise created on the server at {@code TEST_DATABASE_URL} (default the local server,
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code TEST_DATABASE_USER} or
 * {@code postgres}, password {@code TEST_DATABASE_PASSWORD}) and dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final String POSTGRES_IMAGE = "postgres:17-alpine";
    private static final String DEFAULT_SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /** Connection settings of the test database. */
    public record Endpoint(String jdbcUrl, String username, String password) {

        /** A new connection to the test database. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, username, password);
        }
    }

    private static Endpoint endpoint;

    private TestDatabase() {}

    /** Now, truncated to microseconds as PostgreSQL stores an instant. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The test database, creating it on first call. */
    public static synchronized Endpoint endpoint() {
        if (endpoint == null) {
            endpoint = InfrastructureMode.detect() == InfrastructureMode.CONTAINERS ? container() : onLocalServer();
        }
        return endpoint;
    }

    /**
     * Another fresh, empty database on the same server as {@link #endpoint()}, dropped when the JVM
     * exits: for a test that needs a second database beside the service's own.
     */
    public static Endpoint another(String prefix) {
        Endpoint main = endpoint();
        // the server's maintenance database, which outlives the test databases whatever the order of the drops
        String server = withDatabase(main.jdbcUrl(), "postgres");
        String database =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server, main.username(), main.password());
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> drop(server, main.username(), main.password(), database), "test-postgres-drop"));
        return new Endpoint(withDatabase(main.jdbcUrl(), database), main.username(), main.password());
    }

    private static Endpoint container() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "test-postgres-stop"));
        return new Endpoint(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static Endpoint onLocalServer() {
        String serverUrl = env("TEST_DATABASE_URL", DEFAULT_SERVER_URL);
        String user = env("TEST_DATABASE_USER", "postgres");
        String password = env("TEST_DATABASE_PASSWORD", "");
        String database = "stockalerts_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "No PostgreSQL for the integration tests: could not create a database on " + serverUrl + " as '"
                            + user + "' (" + e.getMessage() + "). Start a PostgreSQL server there (on Debian: "
                            + "pg_ctlcluster <version> main start), point TEST_DATABASE_URL / TEST_DATABASE_USER / "
                            + "TEST_DATABASE_PASSWORD at one, or run where a Docker engine answers.",
                    e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> drop(serverUrl, user, password, database), "test-postgres-drop"));
        return new Endpoint(withDatabase(serverUrl, database), user, password);
    }

    private static void drop(String serverUrl, String user, String password, String database) {
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }

    static String withDatabase(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String params = query < 0 ? "" : serverUrl.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException("TEST_DATABASE_URL must name a database, e.g. " + DEFAULT_SERVER_URL);
        }
        return base.substring(0, slash + 1) + database.toLowerCase(Locale.ROOT) + params;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
