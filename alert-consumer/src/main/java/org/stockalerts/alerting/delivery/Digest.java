package org.stockalerts.alerting.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.preferences.DeliveryPreferences.HoldReason;

/**
 * Alerts held for one channel target (quiet hours, daily cap), sent together as one message.
 *
 * @param id the digest's id, the same for the same alerts to the same target: a retry of a digest carries the id of
 *     its first attempt (a webhook's {@code webhook-id}), so receivers can drop a duplicate
 * @param zone the user's time zone, in which the digest shows times
 * @param entries the held alerts, in the order they fired
 */
public record Digest(UUID id, UUID channelId, ZoneId zone, List<Entry> entries) {

    /** One held alert: why and since when it waited. */
    public record Entry(HoldReason reason, Instant heldAt, AlertTriggered alert) {}

    public Digest {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a digest holds at least one alert");
        }
        entries = entries.stream()
                .sorted(Comparator.comparing((Entry entry) -> entry.alert().occurredAt())
                        .thenComparing(entry -> entry.alert().alertId()))
                .toList();
    }

    /** The digest of {@code entries} to {@code channelId}, its id derived from the target and the alerts. */
    public static Digest of(UUID channelId, ZoneId zone, List<Entry> entries) {
        String key = channelId
                + entries.stream()
                        .map(entry -> entry.alert().alertId().toString())
                        .sorted()
                        .reduce("", (ids, id) -> ids + "," + id);
        return new Digest(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), channelId, zone, entries);
    }

    /** The user the alerts belong to. */
    public UUID userId() {
        return entries.getFirst().alert().userId();
    }

    /** Whether any alert waited for the end of quiet hours (else all waited out the daily cap). */
    public boolean quietHours() {
        return entries.stream().anyMatch(entry -> entry.reason() == HoldReason.QUIET_HOURS);
    }
}
