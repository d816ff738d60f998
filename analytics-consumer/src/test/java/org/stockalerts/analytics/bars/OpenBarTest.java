package org.stockalerts.analytics.bars;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Bar;

class OpenBarTest {

    private static final BarWindow WINDOW = new BarWindow(60_000, 120_000, LocalDate.of(2026, 3, 2), false);

    @Test
    void openAndCloseFollowEventTimeNotArrivalOrder() {
        // Given an empty bar
        OpenBar bar = new OpenBar(WINDOW, OpenBar.NO_VOLUME);

        // When ticks arrive out of order
        bar.add(new BigDecimal("10.20"), 70_000, null);
        bar.add(new BigDecimal("10.50"), 110_000, null);
        bar.add(new BigDecimal("9.90"), 61_000, null);
        bar.add(new BigDecimal("10.00"), 90_000, null);

        // Then open is the earliest tick's price and close the latest's
        Bar result = bar.toBar();
        assertThat(result.open()).isEqualByComparingTo("9.90");
        assertThat(result.close()).isEqualByComparingTo("10.50");
        assertThat(result.high()).isEqualByComparingTo("10.50");
        assertThat(result.low()).isEqualByComparingTo("9.90");
        assertThat(result.tickCount()).isEqualTo(4);
        // 40.60 / 4
        assertThat(result.average()).isEqualByComparingTo("10.15");
        assertThat(result.volume()).isZero();
    }

    @Test
    void volumeIsTheRiseOfCumulativeVolumeOverTheReference() {
        // Given a bar whose day had reached 5,000 shares before it opened
        OpenBar bar = new OpenBar(WINDOW, 5_000);

        // When ticks carry cumulative volumes, one of them stale
        bar.add(new BigDecimal("10"), 61_000, 5_400L);
        bar.add(new BigDecimal("10"), 62_000, 5_300L);
        bar.add(new BigDecimal("10"), 63_000, 6_250L);

        // Then the volume is 6,250 - 5,000
        assertThat(bar.volume()).isEqualTo(1_250);
    }

    @Test
    void volumeIsNeverNegative() {
        // Given a bar whose reference is above anything its ticks report
        OpenBar bar = new OpenBar(WINDOW, 9_000);

        // When a tick reports a lower cumulative volume
        bar.add(new BigDecimal("10"), 61_000, 8_000L);

        // Then the bar's volume is zero
        assertThat(bar.volume()).isZero();
    }

    @Test
    void withoutAReferenceVolumeCountsFromTheFirstObservedTick() {
        // Given a bar of a day on which nothing was seen before
        OpenBar bar = new OpenBar(WINDOW, OpenBar.NO_VOLUME);

        // When ticks report 1,000 then 1,600
        bar.add(new BigDecimal("10"), 61_000, 1_000L);
        bar.add(new BigDecimal("10"), 62_000, 1_600L);

        // Then only the 600 traded between them are attributed
        assertThat(bar.volume()).isEqualTo(600);
    }

    @Test
    void averageIsRoundedToFourDecimals() {
        // Given three ticks summing to 301.25
        OpenBar bar = new OpenBar(WINDOW, OpenBar.NO_VOLUME);
        bar.add(new BigDecimal("100.00"), 61_000, null);
        bar.add(new BigDecimal("101.50"), 62_000, null);
        bar.add(new BigDecimal("99.75"), 63_000, null);

        // When the bar is published / Then the mean 100.41666… reads 100.4167
        assertThat(bar.toBar().average()).isEqualByComparingTo("100.4167");
    }
}
