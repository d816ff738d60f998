package org.stockalerts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockalerts.testsupport.SettingsBinding;

class PersistenceSettingsTest {

    @Test
    void bindsTheDefaults() {
        assertThat(SettingsBinding.bind(PersistenceSettings.class).maxPollRecords())
                .isEqualTo(10_000);
    }

    @ParameterizedTest
    @CsvSource({
        "tick-retention-days, 0",
        "partition-days-ahead, 0",
        "listener-concurrency, 0",
        "max-poll-records, 0",
        "max-partition-fetch-size, 3GB",
        "database-retry-initial-backoff, -1s",
        "database-retry-max-backoff, 100ms"
    })
    void refusesValuesOutOfRange(String property, String value) {
        SettingsBinding.assertRefused(PersistenceSettings.class, property, value);
    }
}
