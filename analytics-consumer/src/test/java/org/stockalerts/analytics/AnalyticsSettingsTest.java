package org.stockalerts.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockalerts.testsupport.SettingsBinding;

class AnalyticsSettingsTest {

    @Test
    void bindsTheDefaultsAsDefaultsDoes() {
        assertThat(SettingsBinding.bind(AnalyticsSettings.class)).isEqualTo(AnalyticsSettings.defaults());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "intervals | ''",
                "intervals | PT1M,PT0S",
                "intervals | PT1M,P2D",
                "intervals | PT1M,PT1M,P1D",
                "sma-interval | PT5M",
                "signal-tolerance | -0.1",
                "grace-period | -PT1S",
                "close-check-interval | PT0S"
            })
    void refusesValuesOutOfRange(String property, String value) {
        SettingsBinding.assertRefused(AnalyticsSettings.class, property, value);
    }
}
