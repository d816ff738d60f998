package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.stockalerts.alerting.clock.ClockUncheckedException;
import org.stockalerts.testsupport.MutableClock;
import org.stockalerts.testsupport.SettingsBinding;

class DatabaseOutageLogTest {

    private static final Instant START = Instant.parse("2026-12-03T12:00:00Z");
    private static final ConsumerRecord<String, String> FAN_OUT =
            new ConsumerRecord<>("alerts-triggered", 0, 1, "k", "v");
    private static final ConsumerRecord<String, String> DELIVERY =
            new ConsumerRecord<>(DeliveryTopics.REQUESTS, 2, 5, "k", "v");
    private static final Exception DATABASE_DOWN = new CannotGetJdbcConnectionException("refused");

    private final MutableClock clock = new MutableClock(START);
    private final DatabaseOutageLog outages =
            new DatabaseOutageLog(SettingsBinding.bind(DatabaseOutageSettings.class), clock);

    @Test
    void retriesWithinAnOutageBelongToItAndCountPerTopic() {
        // Given an outage that began with a fan-out failure
        outages.failedDelivery(FAN_OUT, DATABASE_DOWN, 1);

        // When retries follow, each within the longest backoff of the one before
        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.advance(Duration.ofSeconds(30));
            outages.failedDelivery(FAN_OUT, DATABASE_DOWN, attempt);
        }
        outages.failedDelivery(DELIVERY, DATABASE_DOWN, 3);

        // Then they are one outage, begun at the first failure, with the highest attempt per topic
        assertThat(outages.since()).isEqualTo(START);
        assertThat(outages.attemptsOn("alerts-triggered")).isEqualTo(5);
        assertThat(outages.attemptsOn(DeliveryTopics.REQUESTS)).isEqualTo(3);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void namesWhatTheRecordsWaitFor(CapturedOutput output) {
        // When webhooks wait for a clock that cannot be vouched for
        outages.failedDelivery(DELIVERY, new ClockUncheckedException("off by 360 s"), 1);

        // Then the warning names the clock, not the database
        assertThat(output.getOut()).contains("clock unchecked").doesNotContain("database unavailable");

        // And a database outage after a quiet spell names the database
        clock.advance(Duration.ofMinutes(2));
        outages.failedDelivery(FAN_OUT, DATABASE_DOWN, 1);
        assertThat(output.getOut()).contains("database unavailable, records wait for it in place: refused");
    }

    @Test
    void aFailureAfterAQuietSpellBeginsANewOutage() {
        // Given an outage that ended: no database failure for more than a minute
        outages.failedDelivery(FAN_OUT, DATABASE_DOWN, 4);
        clock.advance(Duration.ofSeconds(61));

        // When the database fails again
        outages.failedDelivery(DELIVERY, DATABASE_DOWN, 1);

        // Then a new outage begins, its counts fresh
        assertThat(outages.since()).isEqualTo(START.plusSeconds(61));
        assertThat(outages.attemptsOn("alerts-triggered")).isZero();
        assertThat(outages.attemptsOn(DeliveryTopics.REQUESTS)).isEqualTo(1);
    }

    @Test
    void otherFailuresAreNoneOfItsBusiness() {
        outages.failedDelivery(DELIVERY, new DeliveryFailedException("receiver down", null), 2);

        assertThat(outages.since()).isNull();
        assertThat(outages.attemptsOn(DeliveryTopics.REQUESTS)).isZero();
    }
}
