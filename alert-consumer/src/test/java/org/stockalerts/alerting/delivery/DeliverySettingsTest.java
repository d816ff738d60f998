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

        assertThat(settings.attempts()).isEqualTo(6);
        assertThat(settings.firstAttemptTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @CsvSource({
        "attempts, 0",
        "backoff-multiplier, 0.5",
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
