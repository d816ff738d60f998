package org.stockalerts.persistence.ticks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.persistence.ingest.SqlErrors;
import org.stockalerts.persistence.ingest.TableWriter;
import org.stockalerts.persistence.partitions.TickPartitions;

/**
 * Writes ticks with {@code COPY} into a session-local staging table, then one
 * {@code INSERT … SELECT … ON CONFLICT DO NOTHING} into price_ticks: the bulk speed of COPY, and a
 * tick already stored (same observedAt and eventId) is skipped.
 */
@Component
public class PriceTickWriter implements TableWriter<PriceTick> {

    static final String STAGING_DDL =
            "CREATE TEMP TABLE IF NOT EXISTS price_ticks_staging (LIKE price_ticks) ON COMMIT DELETE ROWS";
    static final String COPY_STAGING = "COPY price_ticks_staging FROM STDIN";
    static final String MERGE_STAGING =
            "INSERT INTO price_ticks SELECT * FROM price_ticks_staging ON CONFLICT DO NOTHING";

    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();
    private static final String NULL = "\\N";

    private final DataSource dataSource;
    private final TickPartitions partitions;

    public PriceTickWriter(DataSource dataSource, TickPartitions partitions) {
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    @Override
    public Optional<String> refusal(PriceTick tick) {
        return Stream.of(
                        SqlErrors.numericOverflow(tick.price(), "price"),
                        SqlErrors.numericOverflow(tick.dayOpen(), "dayOpen"),
                        SqlErrors.numericOverflow(tick.dayHigh(), "dayHigh"),
                        SqlErrors.numericOverflow(tick.dayLow(), "dayLow"),
                        SqlErrors.numericOverflow(tick.previousClose(), "previousClose"),
                        partitions.refusal(tick.observedAt()))
                .flatMap(Optional::stream)
                .findFirst();
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
        try (Statement sql = connection.createStatement()) {
            sql.execute(STAGING_DDL);
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(COPY_STAGING, new ByteArrayInputStream(copyText(ticks)));
            return sql.executeUpdate(MERGE_STAGING);
        } catch (SQLException e) {
            throw TRANSLATOR.translate("storing " + ticks.size() + " price ticks", MERGE_STAGING, e);
        } catch (IOException e) {
            throw new IllegalStateException("could not stream price ticks to PostgreSQL", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The ticks as COPY text rows, in the column order of price_ticks. */
    static byte[] copyText(List<PriceTick> ticks) {
        StringBuilder text = new StringBuilder(ticks.size() * 160);
        for (PriceTick tick : ticks) {
            text.append(tick.eventId()).append('\t');
            text.append(tick.symbol().value()).append('\t');
            text.append(tick.price().toPlainString()).append('\t');
            text.append(tick.volume() == null ? NULL : tick.volume().toString()).append('\t');
            appendDecimal(text, tick.dayOpen());
            appendDecimal(text, tick.dayHigh());
            appendDecimal(text, tick.dayLow());
            appendDecimal(text, tick.previousClose());
            text.append(tick.source().wireName()).append('\t');
            text.append(tick.observedAt()).append('\t');
            text.append(tick.occurredAt()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendDecimal(StringBuilder text, BigDecimal value) {
        text.append(value == null ? NULL : value.toPlainString()).append('\t');
    }
}
