package org.stockalerts.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database shaped as the Go version leaves it (its GORM schema, {@code goseed/schema.sql}) with
 * sample rows ({@code goseed/sample.sql}), on the test PostgreSQL server: the source of seed imports.
 */
public final class GoSeedDatabase {

    private GoSeedDatabase() {}

    /** A new database with the Go schema and the sample rows. */
    public static TestDatabase.Endpoint withSampleRows() {
        TestDatabase.Endpoint seed = TestDatabase.another("goseed");
        try (Connection connection = seed.connect();
                Statement sql = connection.createStatement()) {
            sql.execute(script("goseed/schema.sql"));
            sql.execute(script("goseed/sample.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not fill the Go seed database: " + e.getMessage(), e);
        }
        return seed;
    }

    private static String script(String resource) {
        try (InputStream in = GoSeedDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
