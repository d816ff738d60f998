package org.stockalerts.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.SettingsContract;

class AnalyticsSettingsTest extends SettingsContract<AnalyticsSettings> {

    @Override
    protected List<Refused> outOfRange() {
        return List.of(
                refused("intervals", "", "PT1M,PT0S", "PT1M,P2D", "PT1M,PT1M,P1D"),
                refused("sma-interval", "PT5M"),
                refused("signal-tolerance", "-0.1"),
                refused("grace-period", "-PT1S"),
                refused("close-check-interval", "PT0S"));
    }

    @Test
    void bindsTheDefaultsAsDefaultsDoes() {
        assertThat(bind()).isEqualTo(AnalyticsSettings.defaults());
    }
}
