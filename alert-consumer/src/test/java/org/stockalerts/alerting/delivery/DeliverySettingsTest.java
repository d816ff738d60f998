package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockalerts.testsupport.SettingsBinding;

class DeliverySettingsTest {

    @Test
    void bindsTheDefaults() {
        DeliverySettings settings = SettingsBinding.bind(DeliverySettings.class);

        assertThat(settings.schedule()).hasSize(12).startsWith(Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(settings.kafkaRetries()).isEqualTo(2);
        assertThat(settings.disableAfter()).isEqualTo(Duration.ofDays(5));
        assertThat(settings.firstAttemptTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @CsvSource({
        "kafka-retries, 0",
        "kafka-retries, 13",
        "schedule, 0s",
        "retry-lease, 5s",
        "retry-batch-size, 0",
        "jitter, 1",
        "jitter, -0.1",
        "first-attempt-timeout, 0s",
        "first-attempt-timeout, 6s"
    })
    void refusesValuesOutOfRange(String property, String value) {
        SettingsBinding.assertRefused(DeliverySettings.class, property, value);
    }

    @Test
    void normalisesTheAllowedHosts() {
        DeliverySettings settings =
                SettingsBinding.bind(DeliverySettings.class, "allowed-hosts", " Receiver.Internal ,127.0.0.1,");

        assertThat(settings.allowedHosts()).containsExactly("receiver.internal", "127.0.0.1");
    }
}
