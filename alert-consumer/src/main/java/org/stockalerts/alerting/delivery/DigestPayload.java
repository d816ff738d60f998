package org.stockalerts.alerting.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.preferences.DeliveryPreferences.HoldReason;

/**
 * The JSON body of a digest's webhook call, in the Standard Webhooks shape: {@code type} {@value #ALERT_DIGEST}, the
 * call's {@code timestamp}, and as {@code data} the digest's id, how many alerts it holds and each of them as an
 * {@code alert.triggered} call would carry it, with why and since when it was held.
 */
public record DigestPayload(String type, Instant timestamp, Data data) {

    /** The {@code type} of a digest. */
    public static final String ALERT_DIGEST = "alert.digest";

    /** The digest. */
    public record Data(UUID digestId, int count, List<Held> alerts) {}

    /** One held alert. */
    public record Held(HoldReason heldFor, Instant heldAt, AlertTriggered alert) {}

    public static DigestPayload of(Digest digest, Instant timestamp) {
        List<Held> alerts = digest.entries().stream()
                .map(entry -> new Held(entry.reason(), entry.heldAt(), entry.alert()))
                .toList();
        return new DigestPayload(ALERT_DIGEST, timestamp, new Data(digest.id(), alerts.size(), alerts));
    }
}
