package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.stockalerts.testsupport.SettingsBinding;

class KafkaSettingsTest {

    @Test
    void bindsTheDefaults() {
        KafkaSettings settings = SettingsBinding.bind(KafkaSettings.class);

        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
        assertThat(settings.listenerRetries()).isEqualTo(2);
    }

    @Test
    void refusesAReplicationFactorBelowOneAndNegativeRetries() {
        assertThatThrownBy(() -> SettingsBinding.bind(KafkaSettings.class, "replication-factor", "0"))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("stockalerts.kafka");
        assertThatThrownBy(() -> SettingsBinding.bind(KafkaSettings.class, "listener-retries", "-1"))
                .isInstanceOf(BindException.class);
    }
}
