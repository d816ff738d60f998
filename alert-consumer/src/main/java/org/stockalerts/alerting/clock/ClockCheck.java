package org.stockalerts.alerting.clock;

import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Measures the host's clock against PostgreSQL's at start and every {@code refresh-interval}, and hands
 * each reading to the {@link CheckedClock}. A measurement that fails (the database unreachable) keeps
 * the last reading, which ages: see {@link ClockStatus}. Logs the skew at INFO when first measured, at
 * WARN whenever it is beyond {@code max-skew} (corrected, but worth fixing: the host should run NTP).
 */
@Component
public class ClockCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClockCheck.class);

    private final DatabaseClock reference;
    private final CheckedClock clock;
    private final ClockSettings settings;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private ScheduledFuture<?> checking;
    private boolean failing;

    public ClockCheck(DatabaseClock reference, CheckedClock clock, ClockSettings settings) {
        this.reference = reference;
        this.clock = clock;
        this.settings = settings;
        scheduler.setThreadNamePrefix("clock-check-");
    }

    @Override
    public synchronized void start() {
        scheduler.initialize();
        // the first measurement before the service goes on starting, so its health is not DOWN for a while
        checkSafely();
        checking = scheduler.scheduleWithFixedDelay(
                this::checkSafely,
                scheduler.getClock().instant().plus(settings.refreshInterval()),
                settings.refreshInterval());
    }

    @Override
    public synchronized void stop() {
        checking.cancel(false);
        scheduler.shutdown();
        checking = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return checking != null;
    }

    /** Before the listeners start, so the first deliveries find the clock checked (if PostgreSQL answers). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** Measures once and records the reading. */
    void check() {
        ClockReading reading = reference.measure();
        boolean first = clock.lastReading() == null;
        clock.record(reading);
        boolean beyond = reading.skew().abs().compareTo(settings.maxSkew()) > 0;
        if (first || beyond || failing) {
            (beyond ? log.atWarn() : log.atInfo())
                    .addKeyValue("skew", reading.skew())
                    .addKeyValue("roundTrip", reading.roundTrip())
                    .addKeyValue("reference", reading.reference())
                    .addKeyValue("maxSkew", settings.maxSkew())
                    .log(
                            beyond
                                    ? "host clock is off by more than max-skew; corrected by the reference"
                                    : "host clock checked against the reference");
        }
        failing = false;
    }

    private void checkSafely() {
        try {
            check();
        } catch (DataAccessException | IllegalArgumentException e) {
            if (!failing) {
                log.atWarn()
                        .addKeyValue("error", e.toString())
                        .addKeyValue("status", clock.status())
                        .log("host clock not checked: the reference cannot be read; the last reading ages");
            }
            failing = true;
        }
    }
}
