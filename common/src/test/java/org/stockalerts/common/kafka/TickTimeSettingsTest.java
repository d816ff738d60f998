package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockalerts.testsupport.SettingsBinding;

class TickTimeSettingsTest {

    @Test
    void bindsTheDefaultsAsDefaultsDoes() {
        assertThat(SettingsBinding.bind(TickTimeSettings.class)).isEqualTo(TickTimeSettings.defaults());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "max-future-skew | -PT1S",
                "max-future-skew | P2D",
                "max-age | PT30S",
                "max-age | -P1D",
                "max-age | P36501D"
            })
    void refusesValuesOutOfRange(String property, String value) {
        SettingsBinding.assertRefused(TickTimeSettings.class, property, value);
    }
}
