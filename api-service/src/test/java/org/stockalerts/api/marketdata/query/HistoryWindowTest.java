package org.stockalerts.api.marketdata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a history request's range and interval are chosen to fit the bar limit. */
class HistoryWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void withNoParametersTheDefaultRangeGetsTheNarrowestIntervalThatFits() {
        // a day of one-minute bars is 1,440: five-minute bars (288) fit
        HistoryWindow window = HistoryWindow.choose(null, NOW, null, DAY, 1000);

        assertThat(window).isEqualTo(new HistoryWindow(BarInterval.FIVE_MINUTES, NOW.minus(DAY), NOW));
        assertThat(HistoryWindow.choose(null, NOW, null, DAY, 1440).interval()).isEqualTo(BarInterval.ONE_MINUTE);
    }

    @Test
    void anIntervalWithoutARangeShortensTheDefaultRangeToTheLimit() {
        HistoryWindow window = HistoryWindow.choose(null, NOW, BarInterval.ONE_MINUTE, DAY, 1000);

        assertThat(window).isEqualTo(new HistoryWindow(BarInterval.ONE_MINUTE, NOW.minusSeconds(60_000), NOW));
        assertThat(HistoryWindow.choose(null, NOW, BarInterval.ONE_HOUR, DAY, 1000)
                        .from())
                .isEqualTo(NOW.minus(DAY));
    }

    @Test
    void aRangeWithoutAnIntervalGetsTheNarrowestThatFitsAndAYearGetsDays() {
        Instant weekAgo = NOW.minus(Duration.ofDays(7));
        Instant yearAgo = NOW.minus(Duration.ofDays(365));

        assertThat(HistoryWindow.choose(weekAgo, NOW, null, DAY, 1000).interval())
                .isEqualTo(BarInterval.ONE_HOUR);
        assertThat(HistoryWindow.choose(yearAgo, NOW, null, DAY, 1000).interval())
                .isEqualTo(BarInterval.ONE_DAY);
    }

    @Test
    void aRangeAndAnIntervalBothGivenThatSpanTooManyBarsAreRefused() {
        Instant weekAgo = NOW.minus(Duration.ofDays(7));

        assertThatThrownBy(() -> HistoryWindow.choose(weekAgo, NOW, BarInterval.ONE_MINUTE, DAY, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the range spans 10080 bars of 1m; at most 1000 are allowed, choose a shorter range or a "
                        + "wider interval");
        assertThatThrownBy(() -> HistoryWindow.choose(NOW, NOW, null, DAY, 1000))
                .hasMessage("'from' must be before 'to'");
    }
}
