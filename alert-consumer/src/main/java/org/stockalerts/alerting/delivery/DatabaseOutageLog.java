package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;
import org.stockalerts.alerting.clock.ClockUncheckedException;

/**
 * Tells the operator once per outage, at WARN, that records wait for the database (or for a clock it
 * vouches for, {@link ClockUncheckedException}), instead of once
 * per retry. An outage starts with the first database failure after a quiet spell (no such failure
 * for twice the longest backoff, or a minute); the retries that follow are logged at DEBUG.
 */
@Component
public class DatabaseOutageLog implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageLog.class);
    private static final Duration MIN_QUIET_SPELL = Duration.ofMinutes(1);

    private final Clock clock;
    private final Duration quietSpell;
    private final Duration maxWait;
    private Instant since;
    private Instant lastFailure;
    private final Map<String, Integer> attemptsPerTopic = new HashMap<>();

    public DatabaseOutageLog(DatabaseOutageSettings settings, Clock clock) {
        this.clock = clock;
        Duration twiceMaxBackoff = settings.maxBackoff().multipliedBy(2);
        this.quietSpell = twiceMaxBackoff.compareTo(MIN_QUIET_SPELL) > 0 ? twiceMaxBackoff : MIN_QUIET_SPELL;
        this.maxWait = settings.maxWait();
    }

    @Override
    public synchronized void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        Throwable outage = DatabaseOutage.find(failure).orElse(null);
        if (outage == null) {
            return;
        }
        Instant now = clock.instant();
        boolean started =
                lastFailure == null || Duration.between(lastFailure, now).compareTo(quietSpell) > 0;
        if (started) {
            since = now;
            attemptsPerTopic.clear();
        }
        lastFailure = now;
        attemptsPerTopic.merge(record.topic(), deliveryAttempt, Math::max);
        (started ? log.atWarn() : log.atDebug())
                .addKeyValue("topic", record.topic())
                .addKeyValue("partition", record.partition())
                .addKeyValue("offset", record.offset())
                .addKeyValue("attempt", deliveryAttempt)
                .addKeyValue("maxWait", maxWait)
                .addKeyValue("error", outage.getClass().getSimpleName())
                .log("{}, records wait for it in place: {}", cause(outage), outage.getMessage());
    }

    /** What the records wait for: the database, or a clock that can be vouched for again. */
    private static String cause(Throwable outage) {
        return outage instanceof ClockUncheckedException
                ? "clock unchecked (skewed, or not measured against the database lately)"
                : "database unavailable";
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        DatabaseOutage.find(failure)
                .ifPresent(outage -> log.atWarn()
                        .addKeyValue("topic", record.topic())
                        .addKeyValue("partition", record.partition())
                        .addKeyValue("offset", record.offset())
                        .addKeyValue("maxWait", maxWait)
                        .log("{} still after the longest wait: record handed on as failed", cause(outage)));
    }

    /**
     * The highest attempt of any record of {@code topic} that failed for the database in the current
     * (or last) outage, 0 when none did.
     */
    public synchronized int attemptsOn(String topic) {
        return attemptsPerTopic.getOrDefault(topic, 0);
    }

    /** When the current (or last) outage began, or null when there was none. */
    public synchronized Instant since() {
        return since;
    }
}
