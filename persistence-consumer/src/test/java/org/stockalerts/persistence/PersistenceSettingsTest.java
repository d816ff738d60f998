package org.stockalerts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.SettingsContract;

class PersistenceSettingsTest extends SettingsContract<PersistenceSettings> {

    @Override
    protected List<Refused> outOfRange() {
        return List.of(
                refused("tick-retention-days", "0"),
                refused("partition-days-ahead", "0"),
                refused("listener-concurrency", "0"),
                refused("max-poll-records", "0"),
                refused("max-partition-fetch-size", "3GB"),
                refused("database-retry-initial-backoff", "-1s"),
                refused("database-retry-max-backoff", "100ms"));
    }

    @Test
    void bindsTheDefaults() {
        assertThat(bind().maxPollRecords()).isEqualTo(10_000);
    }
}
