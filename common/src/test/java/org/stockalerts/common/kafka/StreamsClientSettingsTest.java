package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.SettingsContract;

class StreamsClientSettingsTest extends SettingsContract<StreamsClientSettings> {

    @Override
    protected List<Refused> outOfRange() {
        return List.of(
                refused("max-thread-replacements", "-1"),
                refused("replacement-window", "0s", "-1m"),
                refused("close-timeout", "0s", "500ms", "-1s"),
                refused("session-timeout", "5s", "31m"));
    }

    @Test
    void bindsTheDocumentedDefaults() {
        assertThat(bind())
                .isEqualTo(new StreamsClientSettings(
                        5, Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }
}
