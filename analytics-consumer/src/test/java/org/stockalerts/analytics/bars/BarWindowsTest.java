package org.stockalerts.analytics.bars;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarWindowsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void minuteWindowIncludesItsStartAndExcludesItsEnd() {
        // Given minute windows
        BarWindows minutes = new BarWindows(Duration.ofMinutes(1), NEW_YORK);

        // When the instants at a minute's start and just before its end are placed
        BarWindow atStart = minutes.windowOf(millis("2026-03-02T14:30:00Z"));
        BarWindow beforeEnd = minutes.windowOf(millis("2026-03-02T14:30:59.999Z"));
        BarWindow atEnd = minutes.windowOf(millis("2026-03-02T14:31:00Z"));

        // Then both fall in [14:30, 14:31) and the end starts the next window
        assertThat(atStart).isEqualTo(beforeEnd);
        assertThat(atStart.start()).isEqualTo(millis("2026-03-02T14:30:00Z"));
        assertThat(atStart.end()).isEqualTo(millis("2026-03-02T14:31:00Z"));
        assertThat(atStart.opensTradingDay()).isFalse();
        assertThat(atEnd.start()).isEqualTo(atStart.end());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // 2026-03-08 loses an hour: 23:30 EDT, the day runs from midnight EST to midnight EDT
        "23 hours when clocks spring forward, 2026-03-09T03:30:00Z, 2026-03-08, 2026-03-08T05:00:00Z, 2026-03-09T04:00:00Z",
        // 2026-11-01 gains an hour: 23:30 EST is 04:30 UTC the next calendar day
        "25 hours when clocks fall back, 2026-11-02T04:30:00Z, 2026-11-01, 2026-11-01T04:00:00Z, 2026-11-02T05:00:00Z"
    })
    void aTradingDayLastsFromNewYorksMidnightToItsNextMidnight(
            String length, String lateThatDay, LocalDate tradingDate, String start, String end) {
        // Given daily windows in New York
        BarWindows days = new BarWindows(Duration.ofDays(1), NEW_YORK);

        // When an instant late on a day whose clocks change is placed
        BarWindow window = days.windowOf(millis(lateThatDay));

        // Then the window is that New York day, midnight to midnight in the offsets of each
        assertThat(window.tradingDate()).isEqualTo(tradingDate);
        assertThat(window.start()).isEqualTo(millis(start));
        assertThat(window.end()).isEqualTo(millis(end));
        assertThat(window.opensTradingDay()).isTrue();
    }

    @Test
    void intradayWindowsCountFromTheTradingDaysStartAndEndWithIt() {
        // Given 7-minute windows, which do not divide a day
        BarWindows sevens = new BarWindows(Duration.ofMinutes(7), NEW_YORK);

        // When the first and the last instants of a New York day are placed
        BarWindow first = sevens.windowOf(millis("2026-03-02T05:00:00Z"));
        BarWindow last = sevens.windowOf(millis("2026-03-03T04:59:59Z"));

        // Then the first opens the day and the last is cut at the day's end (1440 = 205 * 7 + 5)
        assertThat(first.opensTradingDay()).isTrue();
        assertThat(first.end()).isEqualTo(millis("2026-03-02T05:07:00Z"));
        assertThat(last.start()).isEqualTo(millis("2026-03-03T04:55:00Z"));
        assertThat(last.end()).isEqualTo(millis("2026-03-03T05:00:00Z"));
        assertThat(last.tradingDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
