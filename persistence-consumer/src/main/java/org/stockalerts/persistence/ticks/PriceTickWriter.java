package org.stockalerts.persistence.ticks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.persistence.ingest.BinaryCopy;
import org.stockalerts.persistence.ingest.SqlErrors;
import org.stockalerts.persistence.ingest.TableWriter;
import org.stockalerts.persistence.partitions.TickPartitions;

/**
 * Writes ticks with binary {@code COPY} straight into price_ticks, behind a savepoint. When a tick
 * of the batch is stored already (a redelivered or retried batch; same observedAt and eventId) the
 * copy fails on the primary key, is rolled back to the savepoint, and the batch goes the careful
 * way instead: {@code COPY} into a session-local staging table, then one
 * {@code INSERT … SELECT … ON CONFLICT DO NOTHING}, which skips the ticks already stored. A batch of
 * new ticks, by far the common case, costs one {@code COPY}: no staging, no second pass, no text
 * for the server to parse.
 */
@Component
@RequiredArgsConstructor
public class PriceTickWriter implements TableWriter<PriceTick> {

    static final String COPY_TICKS = "COPY price_ticks FROM STDIN " + BinaryCopy.FORMAT;
    static final String STAGING_DDL =
            "CREATE TEMP TABLE IF NOT EXISTS price_ticks_staging (LIKE price_ticks) ON COMMIT DELETE ROWS";
    static final String COPY_STAGING = "COPY price_ticks_staging FROM STDIN " + BinaryCopy.FORMAT;
    static final String MERGE_STAGING =
            "INSERT INTO price_ticks SELECT * FROM price_ticks_staging ON CONFLICT DO NOTHING";

    /** Columns of price_ticks, in the order {@link #encode} writes them. */
    private static final int COLUMNS = 11;
    /** Decimal places of the numeric(24, 8) price columns. */
    private static final int PRICE_SCALE = 8;

    private static final Logger log = LoggerFactory.getLogger(PriceTickWriter.class);
    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private final DataSource dataSource;
    private final TickPartitions partitions;

    @Override
    public Optional<String> refusal(PriceTick tick) {
        Optional<String> refusal = SqlErrors.numericOverflow(tick.price(), "price");
        if (refusal.isEmpty()) {
            refusal = SqlErrors.numericOverflow(tick.dayOpen(), "dayOpen");
        }
        if (refusal.isEmpty()) {
            refusal = SqlErrors.numericOverflow(tick.dayHigh(), "dayHigh");
        }
        if (refusal.isEmpty()) {
            refusal = SqlErrors.numericOverflow(tick.dayLow(), "dayLow");
        }
        if (refusal.isEmpty()) {
            refusal = SqlErrors.numericOverflow(tick.previousClose(), "previousClose");
        }
        if (refusal.isEmpty()) {
            refusal = SqlErrors.timestampOutOfRange(tick.occurredAt(), "occurredAt");
        }
        return refusal.isEmpty() ? partitions.refusal(tick.observedAt()) : refusal;
    }

    @Override
    public void prepare(List<PriceTick> ticks) {
        partitions.ensure(ticks.stream()
                .map(tick -> TickPartitions.dayOf(tick.observedAt()))
                .distinct()
                .toList());
    }

    @Override
    public int insertNew(List<PriceTick> ticks) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                return (int) copy(copy, COPY_TICKS, ticks);
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                connection.rollback(beforeCopy);
                log.atDebug()
                        .addKeyValue("ticks", ticks.size())
                        .log("batch holds ticks stored already, merging it through the staging table");
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute(STAGING_DDL);
                copy(copy, COPY_STAGING, ticks);
                return sql.executeUpdate(MERGE_STAGING);
            }
        } catch (SQLException e) {
            throw TRANSLATOR.translate("storing " + ticks.size() + " price ticks", COPY_TICKS, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static long copy(CopyManager copy, String statement, List<PriceTick> ticks) throws SQLException {
        CopyIn in = copy.copyIn(statement);
        try {
            encode(ticks, in::writeToCopy);
            return in.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (in.isActive()) {
                cancel(in, e);
            }
            throw e;
        }
    }

    /** Ends a COPY that failed on this side, keeping the connection usable; the first failure is the one reported. */
    private static void cancel(CopyIn in, Exception failure) {
        try {
            in.cancelCopy();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** The ticks as binary COPY rows of price_ticks, header and trailer included, handed to {@code sink}. */
    static void encode(List<PriceTick> ticks, BinaryCopy.Sink sink) throws SQLException {
        BinaryCopy rows = new BinaryCopy(sink);
        for (PriceTick tick : ticks) {
            rows.row(COLUMNS);
            rows.uuid(tick.eventId());
            rows.text(tick.symbol().value());
            rows.numeric(tick.price(), PRICE_SCALE);
            rows.int8(tick.volume());
            rows.numeric(tick.dayOpen(), PRICE_SCALE);
            rows.numeric(tick.dayHigh(), PRICE_SCALE);
            rows.numeric(tick.dayLow(), PRICE_SCALE);
            rows.numeric(tick.previousClose(), PRICE_SCALE);
            rows.text(tick.source().wireName());
            rows.timestamptz(tick.observedAt());
            rows.timestamptz(tick.occurredAt());
        }
        rows.finish();
    }
}
