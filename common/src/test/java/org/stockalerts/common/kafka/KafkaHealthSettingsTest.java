package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.SettingsContract;

class KafkaHealthSettingsTest extends SettingsContract<KafkaHealthSettings> {

    @Override
    protected List<Refused> outOfRange() {
        return List.of(refused("timeout", "0s", "-1s", "P30D"));
    }

    @Test
    void waitsTwoSecondsUnlessTold() {
        assertThat(bind().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(bind("timeout", "500ms").timeout()).isEqualTo(Duration.ofMillis(500));
    }
}
