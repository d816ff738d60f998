package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.SettingsContract;

class TickTimeSettingsTest extends SettingsContract<TickTimeSettings> {

    @Override
    protected List<Refused> outOfRange() {
        return List.of(refused("max-future-skew", "-PT1S", "P2D"), refused("max-age", "PT30S", "-P1D", "P36501D"));
    }

    @Test
    void bindsTheDefaultsAsDefaultsDoes() {
        assertThat(bind()).isEqualTo(TickTimeSettings.defaults());
    }
}
