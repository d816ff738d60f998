package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.SettingsContract;

class DeliverySettingsTest extends SettingsContract<DeliverySettings> {

    @Override
    protected List<Refused> outOfRange() {
        return List.of(
                refused("kafka-retries", "0", "13"),
                refused("schedule", "0s"),
                refused("retry-lease", "5s"),
                refused("retry-batch-size", "0"),
                refused("jitter", "1", "-0.1"),
                refused("first-attempt-timeout", "0s", "6s"));
    }

    @Test
    void bindsTheDefaults() {
        DeliverySettings settings = bind();

        assertThat(settings.schedule()).hasSize(12).startsWith(Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(settings.kafkaRetries()).isEqualTo(2);
        assertThat(settings.disableAfter()).isEqualTo(Duration.ofDays(5));
        assertThat(settings.firstAttemptTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void normalisesTheAllowedHosts() {
        DeliverySettings settings = bind("allowed-hosts", " Receiver.Internal ,127.0.0.1,");

        assertThat(settings.allowedHosts()).containsExactly("receiver.internal", "127.0.0.1");
    }
}
