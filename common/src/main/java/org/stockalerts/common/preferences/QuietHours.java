package org.stockalerts.common.preferences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's quiet hours: every day from {@code start} (inclusive) to {@code end} (exclusive), local time in the
 * user's zone. A start after the end spans midnight (22:00 to 07:00). On a day whose clocks jump forward over the
 * end, the hours end when the clocks jump (an end of 02:30 on a day that skips from 02:00 to 03:00 ends at 03:00),
 * unless the time they jump to is quiet too (quiet hours from 02:15 to 02:00 the next day: that day's clock never
 * leaves them, and they end the day after);
 * a jump back to a time outside them ends them too, and an hour repeated on a day the clocks go back is quiet both
 * times if it is quiet at all: quiet is what the user's clock shows.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must start and end at different times");
        }
    }

    /** Whether {@code time} of day falls in the quiet hours. */
    public boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /**
     * When the quiet hours that {@code now} falls in end, in {@code zone}; empty when {@code now} is not in quiet
     * hours.
     */
    public Optional<Instant> endingAfter(Instant now, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        if (!contains(local.toLocalTime())) {
            return Optional.empty();
        }
        LocalDate endDay = start.isBefore(end) || local.toLocalTime().isBefore(end)
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        ZoneRules rules = zone.getRules();
        // a day whose clocks jump forward over the end, into quiet hours (they span all but a short while that day's
        // jump skips): the user's clock never leaves them that day, so they end the next day
        while (skipsEnd(rules, LocalDateTime.of(endDay, end))) {
            endDay = endDay.plusDays(1);
        }
        ZonedDateTime ends = ZonedDateTime.of(LocalDateTime.of(endDay, end), zone);
        if (!ends.toInstant().isAfter(now)) {
            // the end's hour repeats and now is in its second pass: the end is the second one
            ends = ends.withLaterOffsetAtOverlap();
        }
        // the clocks may jump out of the quiet hours before their end (forward over it, or back before the start)
        for (ZoneOffsetTransition jump = rules.nextTransition(now);
                jump != null && jump.getInstant().isBefore(ends.toInstant());
                jump = rules.nextTransition(jump.getInstant())) {
            if (!contains(jump.getDateTimeAfter().toLocalTime())) {
                return Optional.of(jump.getInstant());
            }
        }
        return ends.toInstant().isAfter(now) ? Optional.of(ends.toInstant()) : Optional.empty();
    }

    /** Whether the clocks jump forward over {@code end} to a time still in the quiet hours. */
    private boolean skipsEnd(ZoneRules rules, LocalDateTime end) {
        ZoneOffsetTransition jump = rules.getTransition(end);
        return jump != null && jump.isGap() && contains(jump.getDateTimeAfter().toLocalTime());
    }
}
