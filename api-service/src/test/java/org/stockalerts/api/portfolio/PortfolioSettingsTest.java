package org.stockalerts.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.alerts.ThresholdTrigger;
import org.stockalerts.api.marketdata.MarketDataSettings;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.market.MarketSession;

class PortfolioSettingsTest {

    @Test
    void thresholdsFireOnceUnlessRepeatIsOn() {
        // When the setting is off (the default)
        ThresholdTrigger trigger = new PortfolioSettings(false).thresholdTrigger(polledEvery(Duration.ofSeconds(60)));

        // Then holdings' threshold rules fire once
        assertThat(trigger).isEqualTo(ThresholdTrigger.ONCE);
    }

    @Test
    void repeatingThresholdsCoolDownForThePollIntervalInWholeSecondsRoundedUp() {
        // Given threshold repeat on
        PortfolioSettings repeat = new PortfolioSettings(true);

        // When the poll interval is a minute, a second and a half, or a fifth of a second
        // Then the rule cools down for that long, rounded up to the whole seconds a rule keeps
        assertThat(repeat.thresholdTrigger(polledEvery(Duration.ofSeconds(60))))
                .isEqualTo(new ThresholdTrigger(TriggerMode.COOLDOWN, Duration.ofSeconds(60)));
        assertThat(repeat.thresholdTrigger(polledEvery(Duration.ofMillis(1500))).cooldown())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(repeat.thresholdTrigger(polledEvery(Duration.ofMillis(200))).cooldown())
                .isEqualTo(Duration.ofSeconds(1));
    }

    private static MarketDataSettings polledEvery(Duration interval) {
        return new MarketDataSettings(
                true,
                "",
                List.of(),
                List.of(),
                interval,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                1L,
                ZoneId.of("America/New_York"),
                MarketSession.REGULAR,
                Duration.ofMinutes(5),
                Duration.ofSeconds(5));
    }
}
