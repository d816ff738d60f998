package org.stockalerts.api.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.user.PreferencesDtos.PreferencesRequest;
import org.stockalerts.api.user.PreferencesDtos.PreferencesView;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.preferences.DeliveryPreferences;
import org.stockalerts.common.preferences.QuietHours;

/**
 * The users' delivery preferences, {@code api.user_preferences}: read and replaced here, read by alert-consumer
 * when it delivers (quiet hours and daily caps hold deliveries for a digest there).
 */
@Service
@RequiredArgsConstructor
public class Preferences {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** What is stored for a user: the preferences and when they were set. */
    private record Stored(DeliveryPreferences preferences, Instant updatedAt) {}

    /** {@code userId}'s preferences; {@link DeliveryPreferences#NONE} for a user who set none. */
    public DeliveryPreferences of(UUID userId) {
        return stored(userId).map(Stored::preferences).orElse(DeliveryPreferences.NONE);
    }

    /** {@code userId}'s preferences as the API shows them. */
    PreferencesView view(UUID userId) {
        Optional<Stored> stored = stored(userId);
        return PreferencesView.of(
                stored.map(Stored::preferences).orElse(DeliveryPreferences.NONE),
                stored.map(Stored::updatedAt).orElse(null),
                clock.instant());
    }

    /**
     * Replaces {@code userId}'s preferences.
     *
     * @throws UnprocessableException for a zone that is not an IANA region, quiet hours that start when they end,
     *     or a cap on in-app alerts
     */
    @Transactional
    PreferencesView replace(UUID userId, PreferencesRequest request) {
        DeliveryPreferences preferences = validated(request);
        Instant now = clock.instant();
        jdbc.update(
                "INSERT INTO api.user_preferences (user_id, time_zone, quiet_start, quiet_end, daily_caps, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (user_id) DO UPDATE SET"
                        + " time_zone = excluded.time_zone, quiet_start = excluded.quiet_start,"
                        + " quiet_end = excluded.quiet_end, daily_caps = excluded.daily_caps,"
                        + " updated_at = excluded.updated_at",
                userId,
                preferences.timeZone().getId(),
                preferences.quietHours() == null
                        ? null
                        : preferences.quietHours().start(),
                preferences.quietHours() == null
                        ? null
                        : preferences.quietHours().end(),
                preferences.storedCaps(),
                Timestamp.from(now));
        return PreferencesView.of(preferences, now, now);
    }

    private static DeliveryPreferences validated(PreferencesRequest request) {
        if (!ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
            throw new UnprocessableException("timeZone \"" + request.timeZone()
                    + "\" is not an IANA time zone; use a region such as \"America/New_York\" or \"UTC\"");
        }
        QuietHours quiet = null;
        if (request.quietHours() != null) {
            LocalTime start = request.quietHours().startTime();
            LocalTime end = request.quietHours().endTime();
            if (start.equals(end)) {
                throw new UnprocessableException(
                        "quietHours must start and end at different times (a start after the end spans midnight)");
            }
            quiet = new QuietHours(start, end);
        }
        Map<ChannelType, Integer> caps = request.dailyCaps() == null ? Map.of() : request.dailyCaps();
        if (caps.containsKey(ChannelType.IN_APP)) {
            throw new UnprocessableException(
                    "dailyCaps cannot cap IN_APP: the in-app history and live stream always get every alert");
        }
        return new DeliveryPreferences(ZoneId.of(request.timeZone()), quiet, caps);
    }

    private Optional<Stored> stored(UUID userId) {
        return jdbc
                .query(
                        "SELECT time_zone, quiet_start, quiet_end, daily_caps::text AS daily_caps, updated_at"
                                + " FROM api.user_preferences WHERE user_id = ?",
                        (row, n) -> new Stored(
                                DeliveryPreferences.stored(
                                        row.getString("time_zone"),
                                        row.getObject("quiet_start", LocalTime.class),
                                        row.getObject("quiet_end", LocalTime.class),
                                        row.getString("daily_caps")),
                                row.getTimestamp("updated_at").toInstant()),
                        userId)
                .stream()
                .findFirst();
    }
}
