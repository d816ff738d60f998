package org.stockalerts.analytics.bars;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IntervalBarsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final long MINUTE = 60_000;

    private final IntervalBars bars = new IntervalBars();

    @Test
    void aNewBarTakesTheDaysHighestCumulativeVolumeAsReference() {
        // Given a symbol that reached 2,100 shares in the 14:30 bar
        tick(0, false, 1_000, 2_100L);
        bars.observeVolume(DAY, 2_100L);

        // When the next bar opens with a tick at 2,400
        OpenBar second = tick(MINUTE, false, 61_000, 2_400L);

        // Then it counts 300
        assertThat(second.volume()).isEqualTo(300);
    }

    @Test
    void aBarOpeningTheTradingDayCountsFromZero() {
        // Given yesterday's cumulative volume
        bars.observeVolume(DAY.minusDays(1), 90_000L);

        // When the day's first bar gets a tick at 700
        OpenBar bar = tick(0, true, 1_000, 700L);

        // Then it counts 700
        assertThat(bar.volume()).isEqualTo(700);
    }

    @Test
    void evictsOnlyPublishedBarsThatEndedByTheDeadline() {
        // Given a published and an open bar
        tick(0, false, 1_000, null).markPublished();
        OpenBar open = tick(MINUTE, false, 61_000, null);

        // When bars ending by 120,000 are evicted
        bars.evictPublishedEndingBy(2 * MINUTE);

        // Then the unpublished one stays
        assertThat(bars.bars()).containsExactly(open);
    }

    /** The bar of the minute from {@code start} of DAY, after a tick at {@code at}. */
    private OpenBar tick(long start, boolean opensDay, long at, Long cumulativeVolume) {
        OpenBar bar = bars.barFor(new BarWindow(start, start + MINUTE, DAY, opensDay));
        bar.add(BigDecimal.TEN, at, cumulativeVolume);
        return bar;
    }
}
