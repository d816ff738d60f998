package org.stockalerts.analytics.bars;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IntervalBarsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void aNewBarTakesTheDaysHighestCumulativeVolumeAsReference() {
        // Given a symbol that reached 2,100 shares in the 14:30 bar
        IntervalBars bars = new IntervalBars();
        OpenBar first = bars.barFor(new BarWindow(0, 60_000, DAY, false));
        first.add(BigDecimal.TEN, 1_000, 2_100L);
        bars.observeVolume(DAY, 2_100L);

        // When the next bar opens with a tick at 2,400
        OpenBar second = bars.barFor(new BarWindow(60_000, 120_000, DAY, false));
        second.add(BigDecimal.TEN, 61_000, 2_400L);

        // Then it counts 300
        assertThat(second.volume()).isEqualTo(300);
    }

    @Test
    void aBarOpeningTheTradingDayCountsFromZero() {
        // Given yesterday's cumulative volume
        IntervalBars bars = new IntervalBars();
        bars.observeVolume(DAY.minusDays(1), 90_000L);

        // When the day's first bar gets a tick at 700
        OpenBar bar = bars.barFor(new BarWindow(0, 60_000, DAY, true));
        bar.add(BigDecimal.TEN, 1_000, 700L);

        // Then it counts 700
        assertThat(bar.volume()).isEqualTo(700);
    }

    @Test
    void evictsOnlyPublishedBarsThatEndedByTheDeadline() {
        // Given a published and an open bar
        IntervalBars bars = new IntervalBars();
        OpenBar published = bars.barFor(new BarWindow(0, 60_000, DAY, false));
        published.add(BigDecimal.TEN, 1_000, null);
        published.markPublished();
        OpenBar open = bars.barFor(new BarWindow(60_000, 120_000, DAY, false));
        open.add(BigDecimal.TEN, 61_000, null);

        // When bars ending by 120,000 are evicted
        bars.evictPublishedEndingBy(120_000);

        // Then the unpublished one stays
        assertThat(bars.bars()).containsExactly(open);
    }
}
