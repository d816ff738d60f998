package org.stockalerts.common.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Quiet hours against a brute-force oracle (walk the user's clock minute by minute until it leaves them), in zones
 * with and without daylight saving time, a half-hour shift and a 30-minute offset, over two years and around every
 * clock change; and the edges by name.
 */
class QuietHoursTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<ZoneId> ZONES = List.of(
            NEW_YORK,
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("UTC"));

    @Property(tries = 3000)
    void endsWhenTheUsersClockFirstLeavesThem(
            @ForAll("times") LocalTime start,
            @ForAll("times") LocalTime end,
            @ForAll("zones") ZoneId zone,
            @ForAll("instants") Instant now) {
        if (start.equals(end)) {
            return;
        }
        QuietHours quiet = new QuietHours(start, end);
        assertThat(quiet.endingAfter(now, zone)).isEqualTo(bruteForce(quiet, now, zone));
    }

    @Test
    void aJumpIntoQuietHoursThatSkipsTheirEndKeepsThemUntilTheNextDaysEnd() {
        // 2026-03-29: Berlin's clocks go from 02:00 CET to 03:00 CEST, skipping the one quiet-free quarter
        // (02:00-02:15)
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        QuietHours quiet = new QuietHours(LocalTime.of(2, 15), LocalTime.of(2, 0));
        Instant beforeTheJump = Instant.parse("2026-03-29T00:59:59Z");

        // the user's clock goes from 01:59:59 to 03:00, quiet both: it first leaves them at 02:00 the next day
        assertThat(quiet.endingAfter(beforeTheJump, berlin))
                .contains(ZonedDateTime.of(2026, 3, 30, 2, 0, 0, 0, berlin).toInstant());
        assertThat(quiet.endingAfter(beforeTheJump, berlin)).isEqualTo(bruteForce(quiet, beforeTheJump, berlin));
        // and an end the jump skips, to a time after it that is quiet too (03:30 is in 03:00-02:30), the same
        QuietHours late = new QuietHours(LocalTime.of(3, 0), LocalTime.of(2, 30));
        Instant night = Instant.parse("2027-03-28T00:58:10Z");
        assertThat(late.endingAfter(night, berlin)).contains(Instant.parse("2027-03-29T00:30:00Z"));
        // but a jump to a time outside them still ends them at the jump (03:00 is not in 03:15-02:30)
        QuietHours later = new QuietHours(LocalTime.of(3, 15), LocalTime.of(2, 30));
        assertThat(later.endingAfter(night, berlin)).contains(Instant.parse("2027-03-28T01:00:00Z"));
        assertThat(later.endingAfter(night, berlin)).isEqualTo(bruteForce(later, night, berlin));
    }

    @Test
    void spanningMidnightEndsTheNextMorning() {
        QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        Instant lateEvening =
                ZonedDateTime.of(2026, 6, 1, 23, 15, 0, 0, NEW_YORK).toInstant();
        Instant earlyMorning =
                ZonedDateTime.of(2026, 6, 2, 6, 59, 0, 0, NEW_YORK).toInstant();
        Instant morning = ZonedDateTime.of(2026, 6, 2, 7, 0, 0, 0, NEW_YORK).toInstant();

        assertThat(quiet.endingAfter(lateEvening, NEW_YORK)).contains(morning);
        assertThat(quiet.endingAfter(earlyMorning, NEW_YORK)).contains(morning);
        assertThat(quiet.endingAfter(morning, NEW_YORK)).isEmpty();
    }

    @Test
    void anEndTheClocksSkipEndsThemWhenTheyJump() {
        // 2026-03-08: New York's clocks go from 02:00 EST to 03:00 EDT
        QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
        Instant night = ZonedDateTime.of(2026, 3, 8, 1, 45, 0, 0, NEW_YORK).toInstant();

        assertThat(quiet.endingAfter(night, NEW_YORK)).contains(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void aRepeatedHourIsQuietBothTimes() {
        // 2026-11-01: New York's clocks go back from 02:00 EDT to 01:00 EST
        QuietHours quiet = new QuietHours(LocalTime.of(1, 0), LocalTime.of(1, 30));
        Instant firstPass = Instant.parse("2026-11-01T05:10:00Z"); // 01:10 EDT
        Instant secondPass = Instant.parse("2026-11-01T06:10:00Z"); // 01:10 EST

        assertThat(quiet.endingAfter(firstPass, NEW_YORK)).contains(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(quiet.endingAfter(secondPass, NEW_YORK)).contains(Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void startingWhenTheyEndIsRefused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The first minute after {@code now} whose local time is not quiet, walking the clock; empty if now is not. */
    private static Optional<Instant> bruteForce(QuietHours quiet, Instant now, ZoneId zone) {
        if (!quiet.contains(LocalDateTime.ofInstant(now, zone).toLocalTime())) {
            return Optional.empty();
        }
        Instant at = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        while (quiet.contains(LocalDateTime.ofInstant(at, zone).toLocalTime())) {
            at = at.plus(Duration.ofMinutes(1));
        }
        return Optional.of(at);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers()
                .between(0, 24 * 4 - 1)
                .map(quarter -> LocalTime.of(quarter / 4, quarter % 4 * 15));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    /** Instants over 2026 and 2027, a third of them within a day of a clock change of one of the zones. */
    @Provide
    Arbitrary<Instant> instants() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Arbitrary<Instant> anywhere =
                Arbitraries.longs().between(0, Duration.ofDays(730).toSeconds()).map(from::plusSeconds);
        Instant until = from.plus(Duration.ofDays(730));
        List<Instant> changes = new ArrayList<>();
        for (ZoneId zone : ZONES) {
            for (ZoneOffsetTransition change = zone.getRules().nextTransition(from);
                    change != null && change.getInstant().isBefore(until);
                    change = zone.getRules().nextTransition(change.getInstant())) {
                changes.add(change.getInstant());
            }
        }
        Arbitrary<Instant> nearChange = Arbitraries.of(changes)
                .flatMap(change -> Arbitraries.longs()
                        .between(
                                -Duration.ofDays(1).toSeconds(),
                                Duration.ofDays(1).toSeconds())
                        .map(change::plusSeconds));
        return Arbitraries.frequencyOf(Tuple.of(2, anywhere), Tuple.of(1, nearChange));
    }
}
