package org.stockalerts.common.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * When the New York market is open, for {@link MarketSession}s: weekdays, less NYSE's holidays, with the sessions
 * shortened on its early closes, in New York time (so daylight saving time is New York's). The holidays and early
 * closes are data ({@code market/nyse-calendar.csv}), read once; a date past its last year counts as a trading day
 * unless it falls on a weekend.
 */
public final class MarketCalendar {

    /** New York's market time zone. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The NYSE calendar of {@code market/nyse-calendar.csv}. */
    public static final MarketCalendar NYSE = load("market/nyse-calendar.csv");

    private static final LocalTime EXTENDED_OPEN = LocalTime.of(4, 0);
    private static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    private static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    private static final LocalTime EXTENDED_CLOSE = LocalTime.of(20, 0);
    private static final LocalTime EARLY_REGULAR_CLOSE = LocalTime.of(13, 0);
    private static final LocalTime EARLY_EXTENDED_CLOSE = LocalTime.of(17, 0);

    /** What a listed date is. */
    enum Kind {
        HOLIDAY,
        EARLY_CLOSE
    }

    private final Map<LocalDate, Kind> special;

    MarketCalendar(Map<LocalDate, Kind> special) {
        this.special = Map.copyOf(special);
    }

    /** Whether {@code session} is open at {@code at}: always for {@link MarketSession#ANY} (and null). */
    public boolean isOpen(MarketSession session, Instant at) {
        if (session == null || session == MarketSession.ANY) {
            return true;
        }
        ZonedDateTime local = at.atZone(NEW_YORK);
        LocalDate date = local.toLocalDate();
        Kind kind = special.get(date);
        if (kind == Kind.HOLIDAY
                || date.getDayOfWeek() == DayOfWeek.SATURDAY
                || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        boolean early = kind == Kind.EARLY_CLOSE;
        LocalTime time = local.toLocalTime();
        return session == MarketSession.REGULAR
                ? !time.isBefore(REGULAR_OPEN) && time.isBefore(early ? EARLY_REGULAR_CLOSE : REGULAR_CLOSE)
                : !time.isBefore(EXTENDED_OPEN) && time.isBefore(early ? EARLY_EXTENDED_CLOSE : EXTENDED_CLOSE);
    }

    static MarketCalendar load(String resource) {
        try (InputStream in = MarketCalendar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no market calendar at " + resource);
            }
            Map<LocalDate, Kind> special = new HashMap<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String row = line.strip();
                if (row.isEmpty() || row.startsWith("#") || row.startsWith("date,")) {
                    continue;
                }
                String[] fields = row.split(",");
                special.put(LocalDate.parse(fields[0]), Kind.valueOf(fields[1]));
            }
            return new MarketCalendar(special);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the market calendar " + resource, e);
        }
    }
}
