package org.stockalerts.alerting.clock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reference clock: PostgreSQL's, which alert-consumer depends on anyway and which every service
 * shares. {@code clock_timestamp()} is the server's time when the statement reads it (not the
 * transaction's start, as {@code now()} would be).
 */
@Component
@RequiredArgsConstructor
public class DatabaseClock {

    static final String REFERENCE = "postgresql";

    private final JdbcTemplate jdbc;
    private final HostClock host;
    private final ClockSettings settings;

    /** Measures the host's skew against PostgreSQL with {@code samples} round trips. */
    public ClockReading measure() {
        List<ClockSample> samples = new ArrayList<>(settings.samples());
        for (int i = 0; i < settings.samples(); i++) {
            Instant sent = host.clock().instant();
            OffsetDateTime reference = jdbc.queryForObject("SELECT clock_timestamp()", OffsetDateTime.class);
            Instant received = host.clock().instant();
            samples.add(new ClockSample(sent, reference.toInstant(), received));
        }
        return ClockReading.best(REFERENCE, samples);
    }
}
