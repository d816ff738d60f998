package org.stockalerts.persistence.analytics;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Bar;
import org.stockalerts.persistence.ingest.MultiRowInsert;
import org.stockalerts.persistence.ingest.SqlErrors;
import org.stockalerts.persistence.ingest.TableWriter;

/** Writes bars and signals into stock_analytics; an event already stored (same eventId) is skipped. */
@Component
@RequiredArgsConstructor
public class AnalyticsWriter implements TableWriter<AnalyticsUpdated> {

    private static final MultiRowInsert INSERT = new MultiRowInsert(
            "stock_analytics",
            List.of(
                    "event_id",
                    "symbol",
                    "bar_interval",
                    "window_start",
                    "window_end",
                    "trading_date",
                    "open",
                    "high",
                    "low",
                    "close",
                    "volume",
                    "tick_count",
                    "average",
                    "sma5",
                    "sma20",
                    "signal",
                    "previous_signal",
                    "signal_changed",
                    "signal_changed_at",
                    "amended",
                    "occurred_at"));

    private final JdbcTemplate jdbc;

    @Override
    public Optional<String> refusal(AnalyticsUpdated update) {
        Bar bar = update.bar();
        if (bar.volume() < 0) {
            return Optional.of("field 'bar.volume' must not be negative, was " + bar.volume());
        }
        return Stream.of(
                        SqlErrors.numericOverflow(bar.open(), "bar.open"),
                        SqlErrors.numericOverflow(bar.high(), "bar.high"),
                        SqlErrors.numericOverflow(bar.low(), "bar.low"),
                        SqlErrors.numericOverflow(bar.close(), "bar.close"),
                        SqlErrors.numericOverflow(bar.average(), "bar.average"),
                        SqlErrors.numericOverflow(update.sma5(), "sma5"),
                        SqlErrors.numericOverflow(update.sma20(), "sma20"))
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public int insertNew(List<AnalyticsUpdated> updates) {
        return INSERT.insert(jdbc, updates, AnalyticsWriter::columns);
    }

    private static Object[] columns(AnalyticsUpdated update) {
        Bar bar = update.bar();
        return new Object[] {
            update.eventId(),
            update.symbol().value(),
            update.interval().toString(),
            MultiRowInsert.timestamp(bar.windowStart()),
            MultiRowInsert.timestamp(bar.windowEnd()),
            bar.tradingDate(),
            bar.open(),
            bar.high(),
            bar.low(),
            bar.close(),
            bar.volume(),
            bar.tickCount(),
            bar.average(),
            update.sma5(),
            update.sma20(),
            update.signal().name(),
            update.previousSignal() == null ? null : update.previousSignal().name(),
            update.signalChanged(),
            MultiRowInsert.timestamp(update.signalChangedAt()),
            update.amended(),
            MultiRowInsert.timestamp(update.occurredAt())
        };
    }
}
