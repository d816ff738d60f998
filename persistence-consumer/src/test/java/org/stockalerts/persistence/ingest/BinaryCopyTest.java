package org.stockalerts.persistence.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.TestDatabase;

/**
 * Rows written in the binary COPY format are stored exactly as PostgreSQL stores the same values
 * given as text (COPY text format, as the values print in Java): numerics rounded to the column's
 * scale, instants to microseconds, uuids, text, bigints and nulls.
 */
@IntegrationTest
class BinaryCopyTest {

    private static final String COLUMNS =
            "(id bigint, n numeric(24, 8), t timestamptz, u uuid, s text, v bigint, small numeric(6, 2))";

    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        connection = TestDatabase.endpoint().connect();
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMP TABLE from_text " + COLUMNS);
            sql.execute("CREATE TEMP TABLE from_binary " + COLUMNS);
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    record Row(int id, BigDecimal n, Instant t, UUID u, String s, Long v, BigDecimal small) {}

    @Test
    void storesEveryValueAsPostgresStoresItsText() throws Exception {
        // Given edge values and random ones: scales above, at and below the column's, ties, tiny and huge
        List<Row> rows = new ArrayList<>();
        List<String> decimals = List.of(
                "0",
                "0.00000000",
                "1",
                "-1",
                "0.1",
                "0.00000001",
                "0.000000005",
                "0.000000004999",
                "-0.000000005",
                "0.123456785",
                "1234.5678",
                "9999.99999999",
                "10000",
                "100000000.00000001",
                "9999999999999999.99999999",
                "1E+3",
                "1.5E+15",
                "12345678901234.5",
                "0.0001",
                "0.00010000",
                "99.995",
                "1.23456789012345678901234567890");
        List<String> instants = List.of(
                "2026-11-25T15:30:00Z",
                "2026-11-25T15:30:00.123456Z",
                "2026-11-25T15:30:00.123456500Z",
                "2026-11-25T15:30:00.123457500Z",
                "2026-11-25T15:30:00.999999500Z",
                "2026-11-25T23:59:59.999999999Z",
                "1969-12-31T23:59:59.000000500Z",
                "1999-12-31T23:59:59.999999Z",
                "2000-01-01T00:00:00.000000499Z",
                "1500-06-01T12:00:00Z");
        for (int i = 0; i < decimals.size(); i++) {
            BigDecimal n = new BigDecimal(decimals.get(i));
            Instant t = Instant.parse(instants.get(i % instants.size()));
            rows.add(new Row(rows.size(), n, t, UUID.randomUUID(), "AAPL", (long) i - 3, small(n)));
        }
        rows.add(new Row(rows.size(), null, null, null, null, null, null));
        rows.add(new Row(rows.size(), BigDecimal.ONE, Instant.EPOCH, new UUID(0, 0), "Zürich €", Long.MIN_VALUE, null));
        Random random = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            BigDecimal n = new BigDecimal(new BigInteger(1 + random.nextInt(75), random), random.nextInt(-2, 16));
            while (n.precision() - n.scale() > 16) {
                n = n.movePointLeft(4);
            }
            Instant t = Instant.ofEpochSecond(
                    random.nextLong(-2_000_000_000L, 5_000_000_000L), random.nextInt(1_000_000_000));
            rows.add(new Row(
                    rows.size(),
                    random.nextBoolean() ? n : n.negate(),
                    t,
                    UUID.randomUUID(),
                    "S" + i,
                    random.nextLong(),
                    small(n)));
        }

        // When they are copied into one table as text and into another in the binary format
        copyText(rows);
        copyBinary(rows);

        // Then both tables hold the same values, row by row
        assertThat(count("SELECT count(*) FROM from_binary")).isEqualTo(rows.size());
        assertThat(count("SELECT count(*) FROM (SELECT * FROM from_text EXCEPT SELECT * FROM from_binary) d"))
                .isZero();
        assertThat(count("SELECT count(*) FROM (SELECT * FROM from_binary EXCEPT SELECT * FROM from_text) d"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM from_binary WHERE n::text <> (SELECT n::text FROM from_text f WHERE f.id = from_binary.id)"))
                .as("same scale and digits as text")
                .isZero();
    }

    /** A value that fits numeric(6, 2) after rounding, to check rounding to another scale. */
    private static BigDecimal small(BigDecimal n) {
        return n.remainder(new BigDecimal("1000"));
    }

    private static void copyText(List<Row> rows) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            text.append(row.id())
                    .append('\t')
                    .append(row.n() == null ? "\\N" : row.n().toPlainString())
                    .append('\t')
                    .append(row.t() == null ? "\\N" : row.t().toString())
                    .append('\t')
                    .append(row.u() == null ? "\\N" : row.u().toString())
                    .append('\t')
                    .append(row.s() == null ? "\\N" : row.s())
                    .append('\t')
                    .append(row.v() == null ? "\\N" : row.v().toString())
                    .append('\t')
                    .append(row.small() == null ? "\\N" : row.small().toPlainString())
                    .append('\n');
        }
        copy().copyIn(
                        "COPY from_text FROM STDIN",
                        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void copyBinary(List<Row> rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryCopy binary = new BinaryCopy(bytes::write);
        for (Row row : rows) {
            binary.row(7);
            binary.int8((long) row.id());
            binary.numeric(row.n(), 8);
            binary.timestamptz(row.t());
            binary.uuid(row.u());
            binary.text(row.s());
            binary.int8(row.v());
            binary.numeric(row.small(), 2);
        }
        assertThat(binary.finish()).isEqualTo(rows.size());
        copy().copyIn(
                        "COPY from_binary FROM STDIN " + BinaryCopy.FORMAT,
                        new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static CopyManager copy() throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private static int count(String query) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }
}
