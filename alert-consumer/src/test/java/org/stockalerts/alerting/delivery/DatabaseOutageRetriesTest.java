package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.stockalerts.testsupport.SettingsBinding;

class DatabaseOutageRetriesTest {

    private static final ConsumerRecord<String, String> RECORD =
            new ConsumerRecord<>("alerts-triggered", 0, 7, "k", "v");

    @Test
    void aDatabaseOutageWaitsWithGrowingCappedBackoffUntilTheMaximumWait() {
        // Given waits from 1 s, doubling, at most 30 s each and 5 min in all
        DatabaseOutageRetries retries = retries("max-wait", "5m");

        // When a record fails because the database is unreachable
        BackOff backOff = retries.backOffFor(RECORD, new CannotGetJdbcConnectionException("refused"));

        // Then it waits 1, 2, 4, 8, 16 s, then 30 s at a time, and stops once the waits add up to 5 min
        List<Long> waits = waits(backOff);
        assertThat(waits).startsWith(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L);
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(30_000L));
        long total = waits.stream().mapToLong(Long::longValue).sum();
        assertThat(total).isGreaterThanOrEqualTo(300_000L).isLessThan(300_000L + 30_000L);
    }

    @Test
    void anyOtherFailureKeepsTheHandlersOwnBackoff() {
        DatabaseOutageRetries retries = retries();

        assertThat(retries.backOffFor(RECORD, new DuplicateKeyException("duplicate")))
                .isNull();
        assertThat(retries.backOffFor(RECORD, new DeliveryFailedException("receiver down", null)))
                .isNull();
    }

    @Test
    void bindsTheDefaults() {
        DatabaseOutageSettings settings = SettingsBinding.bind(DatabaseOutageSettings.class);

        assertThat(settings.maxWait()).hasHours(1);
        assertThat(settings.maxBackoff()).hasSeconds(30);
        assertThat(settings.initialBackoff()).hasSeconds(1);
    }

    @ParameterizedTest
    @CsvSource({"max-wait, 0s", "initial-backoff, 0s", "backoff-multiplier, 0.5", "max-backoff, 500ms"})
    void refusesValuesOutOfRange(String property, String value) {
        SettingsBinding.assertRefused(DatabaseOutageSettings.class, property, value);
    }

    private static DatabaseOutageRetries retries(String... properties) {
        DatabaseOutageSettings settings = SettingsBinding.bind(DatabaseOutageSettings.class, properties);
        return new DatabaseOutageRetries(settings, new DatabaseOutageLog(settings, Clock.systemUTC()));
    }

    private static List<Long> waits(BackOff backOff) {
        BackOffExecution execution = backOff.start();
        List<Long> waits = new ArrayList<>();
        for (long wait = execution.nextBackOff(); wait != BackOffExecution.STOP; wait = execution.nextBackOff()) {
            waits.add(wait);
        }
        return waits;
    }
}
