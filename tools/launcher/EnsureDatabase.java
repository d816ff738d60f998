import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's database step (./stock-alerts): connects to DATABASE_URL as DATABASE_USER / DATABASE_PASSWORD
 * (the services' own settings and defaults) and creates the database when the server answers that it does not
 * exist. Run as a single-file program with the PostgreSQL driver on the class path, so it needs no psql and
 * reads the JDBC URL exactly as the services do.
 *
 * With {@code --check} (./stock-alerts doctor) it creates nothing: a missing database is reported, once the
 * server's maintenance database shows the login works.
 *
 * <p>Exit codes: 0 the database is there (or was created, or could be), 2 no server answers, 3 anything else (the
 * message says what).
 */
public final class EnsureDatabase {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/stock_alerts";
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]+)(.*)$");
    private static final String INVALID_CATALOG_NAME = "3D000";
    private static final String CONNECTION_ERROR_CLASS = "08";
    private static final int LOGIN_TIMEOUT_SECONDS = 5;

    public static void main(String[] args) {
        String url = env("DATABASE_URL", DEFAULT_URL);
        Properties credentials = new Properties();
        credentials.setProperty("user", env("DATABASE_USER", "postgres"));
        credentials.setProperty("password", env("DATABASE_PASSWORD", ""));
        credentials.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        credentials.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        boolean checkOnly = args.length > 0 && args[0].equals("--check");
        System.exit(checkOnly ? check(url, credentials) : ensure(url, credentials));
    }

    /** As {@link #ensure}, but creating nothing: a missing database is reported, if the server would let it be made. */
    private static int check(String url, Properties credentials) {
        try (Connection ignored = DriverManager.getConnection(url, credentials)) {
            System.out.println("database reachable: " + url);
            return 0;
        } catch (SQLException e) {
            if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                return report(url, e);
            }
        }
        Matcher parts = URL.matcher(url);
        if (!parts.matches()) {
            System.err.println("cannot tell the database name in DATABASE_URL=" + url);
            return 3;
        }
        String maintenanceUrl = parts.group(1) + "postgres" + parts.group(3);
        try (Connection ignored = DriverManager.getConnection(maintenanceUrl, credentials)) {
            System.out.println("server reachable, database " + URLDecoder.decode(parts.group(2), StandardCharsets.UTF_8)
                    + " not created yet (start creates it)");
            return 0;
        } catch (SQLException e) {
            return report(maintenanceUrl, e);
        }
    }

    private static int ensure(String url, Properties credentials) {
        try (Connection ignored = DriverManager.getConnection(url, credentials)) {
            System.out.println("database ready: " + url);
            return 0;
        } catch (SQLException e) {
            if (INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                return create(url, credentials);
            }
            return report(url, e);
        }
    }

    private static int create(String url, Properties credentials) {
        Matcher parts = URL.matcher(url);
        if (!parts.matches()) {
            System.err.println("cannot tell the database name in DATABASE_URL=" + url);
            return 3;
        }
        String name = URLDecoder.decode(parts.group(2), StandardCharsets.UTF_8);
        String maintenanceUrl = parts.group(1) + "postgres" + parts.group(3);
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            System.out.println("database created: " + name);
            return 0;
        } catch (SQLException e) {
            return report(maintenanceUrl, e);
        }
    }

    private static int report(String url, SQLException e) {
        System.err.println("PostgreSQL at " + url + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
        String state = e.getSQLState();
        return state != null && state.startsWith(CONNECTION_ERROR_CLASS) ? 2 : 3;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
