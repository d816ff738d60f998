package org.stockalerts.common.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The New York sessions on NYSE's calendar: edges, daylight saving time, holidays and early closes. */
class MarketCalendarTest {

    private final MarketCalendar nyse = MarketCalendar.NYSE;

    @ParameterizedTest(name = "{0} New York: regular {1}, extended {2}")
    @CsvSource({
        // an ordinary Tuesday: the edges of both sessions, the close excluded
        "2026-03-03T03:59:59, false, false",
        "2026-03-03T04:00:00, false, true",
        "2026-03-03T09:29:59, false, true",
        "2026-03-03T09:30:00, true, true",
        "2026-03-03T15:59:59, true, true",
        "2026-03-03T16:00:00, false, true",
        "2026-03-03T19:59:59, false, true",
        "2026-03-03T20:00:00, false, false",
        // a weekend
        "2026-03-07T12:00:00, false, false",
        "2026-03-08T12:00:00, false, false",
        // holidays: Good Friday, Independence Day observed on a Friday, Christmas Day observed in 2027
        "2026-04-03T12:00:00, false, false",
        "2026-07-03T12:00:00, false, false",
        "2027-12-24T12:00:00, false, false",
        // early closes: the day after Thanksgiving and Christmas Eve 2026, the regular session to 13:00, late
        // trading to 17:00
        "2026-11-27T12:59:59, true, true",
        "2026-11-27T13:00:00, false, true",
        "2026-11-27T16:59:59, false, true",
        "2026-11-27T17:00:00, false, false",
        "2026-12-24T13:30:00, false, true",
        // a date past the calendar's last year: weekdays trade
        "2031-03-04T10:00:00, true, true"
    })
    void opensInNewYorkTime(LocalDateTime newYork, boolean regular, boolean extended) {
        Instant at = newYork.atZone(MarketCalendar.NEW_YORK).toInstant();

        assertThat(nyse.isOpen(MarketSession.REGULAR, at)).isEqualTo(regular);
        assertThat(nyse.isOpen(MarketSession.EXTENDED, at)).isEqualTo(extended);
        assertThat(nyse.isOpen(MarketSession.ANY, at)).isTrue();
    }

    @Test
    void theOpenMovesInUtcWithNewYorksDaylightSavingTime() {
        // New York moved its clocks on Sunday 2026-03-08: the open was 14:30 UTC on Friday, 13:30 UTC on Monday
        assertThat(nyse.isOpen(MarketSession.REGULAR, Instant.parse("2026-03-06T14:29:59Z")))
                .isFalse();
        assertThat(nyse.isOpen(MarketSession.REGULAR, Instant.parse("2026-03-06T14:30:00Z")))
                .isTrue();
        assertThat(nyse.isOpen(MarketSession.REGULAR, Instant.parse("2026-03-09T13:29:59Z")))
                .isFalse();
        assertThat(nyse.isOpen(MarketSession.REGULAR, Instant.parse("2026-03-09T13:30:00Z")))
                .isTrue();
        // and back on Sunday 2026-11-01: 13:30 UTC on Friday is the open, on Monday an hour before it
        assertThat(nyse.isOpen(MarketSession.REGULAR, Instant.parse("2026-10-30T13:30:00Z")))
                .isTrue();
        assertThat(nyse.isOpen(MarketSession.REGULAR, Instant.parse("2026-11-02T13:30:00Z")))
                .isFalse();
        assertThat(nyse.isOpen(MarketSession.REGULAR, Instant.parse("2026-11-02T14:30:00Z")))
                .isTrue();
    }

    @Test
    void aSessionOfNoneIsAnyTime() {
        assertThat(nyse.isOpen(null, Instant.parse("2026-03-07T12:00:00Z"))).isTrue();
    }
}
