package org.stockalerts.api.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges of the events waiting in the outbox, for an alerting rule on a relay that fell behind: how many, and the
 * age of the oldest. One query answers both, at most every {@link #FRESH_FOR}, however often they are scraped; NaN
 * while the database does not answer.
 */
@Component
class OutboxBacklog implements MeterBinder {

    /** Gauge of the events written and not yet published (nor quarantined). */
    static final String BACKLOG = "stockalerts.api.outbox.backlog";

    /** Gauge of the age, in seconds, of the oldest event waiting; 0 when none waits. */
    static final String OLDEST_AGE = "stockalerts.api.outbox.oldest.age";

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final String WAITING = "SELECT count(*) AS waiting, min(created_at) AS oldest FROM api.outbox"
            + " WHERE published_at IS NULL AND quarantined_at IS NULL";

    private record Snapshot(Instant at, double waiting, double oldestAgeSeconds) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private Snapshot snapshot;

    OutboxBacklog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(BACKLOG, this, backlog -> backlog.current().waiting())
                .description("Outbox events written and not yet published to Kafka")
                .register(registry);
        Gauge.builder(OLDEST_AGE, this, backlog -> backlog.current().oldestAgeSeconds())
                .description("Age of the oldest outbox event not yet published to Kafka")
                .baseUnit("seconds")
                .register(registry);
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || Duration.between(snapshot.at(), now).compareTo(FRESH_FOR) >= 0) {
            snapshot = read(now);
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        try {
            return jdbc.queryForObject(WAITING, (row, number) -> {
                Timestamp oldest = row.getTimestamp("oldest");
                double age = oldest == null
                        ? 0
                        : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                return new Snapshot(now, row.getLong("waiting"), age);
            });
        } catch (DataAccessException e) {
            return new Snapshot(now, Double.NaN, Double.NaN);
        }
    }
}
