package org.stockalerts.common.preferences;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * How a user wants alerts delivered to their channels ({@code GET/PUT /users/{id}/preferences}): their time zone,
 * their quiet hours, and a daily cap of alert messages per channel type. Deliveries held by either are sent later
 * as one digest; none is dropped, and the in-app history and live stream always get every alert at once.
 *
 * @param timeZone the zone quiet hours, days and hours are counted in
 * @param quietHours when nothing is sent to the user's channels; null for none
 * @param dailyCaps the most alert messages a day (in {@code timeZone}) per channel type; a type without an entry has
 *     no cap. Past it, alerts of the day are collapsed into an hourly digest.
 */
public record DeliveryPreferences(ZoneId timeZone, QuietHours quietHours, Map<ChannelType, Integer> dailyCaps) {

    /** Why a delivery is held for a digest. */
    public enum HoldReason {
        /** It fell in the user's quiet hours: the digest goes out when they end. */
        QUIET_HOURS,
        /** The channel type's daily cap was reached: the digest goes out at the next full hour. */
        DAILY_CAP
    }

    /** A delivery held for a digest sent at {@code until}. */
    public record Hold(HoldReason reason, Instant until) {}

    /** No quiet hours, no caps, days in UTC: what a user who never set preferences has. */
    public static final DeliveryPreferences NONE = new DeliveryPreferences(ZoneId.of("UTC"), null, Map.of());

    public DeliveryPreferences {
        Objects.requireNonNull(timeZone, "timeZone");
        EnumMap<ChannelType, Integer> caps = new EnumMap<>(ChannelType.class);
        if (dailyCaps != null) {
            dailyCaps.forEach((type, cap) -> {
                if (cap == null || cap < 1) {
                    throw new IllegalArgumentException("a daily cap is at least 1");
                }
                caps.put(type, cap);
            });
        }
        dailyCaps = Map.copyOf(caps);
    }

    /**
     * The preferences as {@code api.user_preferences} stores them: the zone's id, the quiet hours' start and end (both
     * null for none) and the caps as a JSON object of channel type to cap.
     */
    public static DeliveryPreferences stored(String timeZone, LocalTime quietStart, LocalTime quietEnd, String caps) {
        EnumMap<ChannelType, Integer> dailyCaps = new EnumMap<>(ChannelType.class);
        if (caps != null) {
            JsonNode object = EventJson.mapper().readTree(caps);
            object.propertyNames()
                    .forEach(type -> dailyCaps.put(
                            ChannelType.valueOf(type), object.get(type).asInt()));
        }
        return new DeliveryPreferences(
                ZoneId.of(timeZone),
                quietStart == null || quietEnd == null ? null : new QuietHours(quietStart, quietEnd),
                dailyCaps);
    }

    /** The caps as {@code api.user_preferences} stores them, a JSON object of channel type to cap. */
    public String storedCaps() {
        return EventJson.mapper().writeValueAsString(new TreeMap<>(dailyCaps));
    }

    /** When the quiet hours {@code now} falls in end; empty outside quiet hours or without any. */
    public Optional<Instant> quietUntil(Instant now) {
        return quietHours == null ? Optional.empty() : quietHours.endingAfter(now, timeZone);
    }

    /** The cap of {@code channel}'s alert messages a day, if it has one. */
    public OptionalInt dailyCap(ChannelType channel) {
        Integer cap = dailyCaps.get(channel);
        return cap == null ? OptionalInt.empty() : OptionalInt.of(cap);
    }

    /** The start of the user's day that {@code now} falls in. */
    public Instant dayStart(Instant now) {
        return now.atZone(timeZone).toLocalDate().atStartOfDay(timeZone).toInstant();
    }

    /** The next full hour of the user's clock after {@code now}. */
    public Instant nextHour(Instant now) {
        return now.atZone(timeZone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
    }

    /**
     * Whether an alert message to a {@code channel} target sent at {@code now} is held, and until when: in quiet
     * hours until they end, else, once {@code sentToday} (the messages of the user's day so far through that channel
     * type, asked only when the type has a cap) reaches the cap, until the next full hour.
     */
    public Optional<Hold> hold(ChannelType channel, Instant now, LongSupplier sentToday) {
        Optional<Instant> quiet = quietUntil(now);
        if (quiet.isPresent()) {
            return Optional.of(new Hold(HoldReason.QUIET_HOURS, quiet.get()));
        }
        OptionalInt cap = dailyCap(channel);
        if (cap.isPresent() && sentToday.getAsLong() >= cap.getAsInt()) {
            return Optional.of(new Hold(HoldReason.DAILY_CAP, nextHour(now)));
        }
        return Optional.empty();
    }
}
