package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.stockalerts.testsupport.SettingsBinding;

class EngineSettingsTest {

    @Test
    void bindsTheDefaultsAndZeroTurnsExpeditingOff() {
        assertThat(SettingsBinding.bind(EngineSettings.class).signalInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(SettingsBinding.bind(EngineSettings.class, "expedite-commit-within", "0s")
                        .expediteCommitWithin())
                .isZero();
    }

    @Test
    void refusesANonPositiveSignalIntervalAndANegativeExpediteWindow() {
        assertThatThrownBy(() -> SettingsBinding.bind(EngineSettings.class, "signal-interval", "0s"))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> SettingsBinding.bind(EngineSettings.class, "expedite-commit-within", "-1s"))
                .isInstanceOf(BindException.class);
    }
}
