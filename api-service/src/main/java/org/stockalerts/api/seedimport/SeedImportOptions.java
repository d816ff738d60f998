package org.stockalerts.api.seedimport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code import-seed} was asked to do. Defaults come from the Go version's variables: the
 * seed database is {@code jdbc:postgresql://DB_HOST:DB_PORT/DB_NAME} (localhost, 5432,
 * stock_alerts), as {@code DB_USER} / {@code DB_PASSWORD} (postgres / postgres).
 *
 * @param from JDBC URL of the seed database
 * @param keysOut the file the new users' API keys are appended to
 */
record SeedImportOptions(String from, String user, String password, Path keysOut) {

    /** Where the keys go unless {@code --keys-out} says otherwise, relative to the current directory. */
    static final String DEFAULT_KEYS_FILE = "seed-keys.tsv";

    static final String USAGE = """
            Usage: import-seed [--from jdbc:postgresql://HOST:PORT/DB] [--user U] [--password P] [--keys-out FILE]
              Copies the Go version's users, portfolios, stock entries, alert history and stored prices into
              this system's database (DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD); the seed database is
              only read.
              --from      the seed database (default jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME, i.e.
                          localhost, 5432 and stock_alerts when unset)
              --user      its user (default $DB_USER, else postgres)
              --password  its password (default $DB_PASSWORD, else postgres)
              --keys-out  the file the new users' API keys are appended to, mode 0600 (default seed-keys.tsv)
              Exit status: 0 everything imported, 2 some rows skipped (each is listed), 1 the import failed.
            """;

    /** The options of {@code args}, with defaults from {@code env}; an unknown or incomplete option is refused. */
    static SeedImportOptions parse(List<String> args, Map<String, String> env) {
        String from = null;
        String user = null;
        String password = null;
        String keysOut = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(
                        isKnown(option) ? option + " needs a value" : "unknown argument '" + option + "'");
            }
            String value = args.get(++i);
            switch (option) {
                case "--from" -> from = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--keys-out" -> keysOut = value;
                default -> throw new IllegalArgumentException("unknown argument '" + option + "'");
            }
        }
        if (from == null) {
            from = "jdbc:postgresql://" + env(env, "DB_HOST", "localhost") + ":" + env(env, "DB_PORT", "5432") + "/"
                    + env(env, "DB_NAME", "stock_alerts");
        }
        if (!from.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "--from must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB)," + " not '" + from + "'");
        }
        return new SeedImportOptions(
                from,
                user == null ? env(env, "DB_USER", "postgres") : user,
                password == null ? env(env, "DB_PASSWORD", "postgres") : password,
                Path.of(keysOut == null ? DEFAULT_KEYS_FILE : keysOut));
    }

    private static boolean isKnown(String option) {
        return List.of("--from", "--user", "--password", "--keys-out").contains(option);
    }

    private static String env(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        // never the password
        return "SeedImportOptions[from=" + from + ", user=" + user + ", keysOut=" + keysOut + "]";
    }
}
