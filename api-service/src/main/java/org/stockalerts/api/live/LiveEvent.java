package org.stockalerts.api.live;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.kafka.EventJson;

/**
 * One message for a stream: an SSE event with an id, a name and a JSON body, or a heartbeat comment.
 *
 * @param id the SSE id (the cursor for alerts, or the alertId of one stored before cursors existed; the
 *     tick's eventId for ticks); null for a heartbeat
 * @param cursor the alert's position in its user's sequence; null for ticks, heartbeats and alerts
 *     stored before cursors existed
 * @param alertId the alert's id; null for ticks and heartbeats
 */
record LiveEvent(String id, String name, String json, AlertCursor cursor, UUID alertId) {

    static final LiveEvent HEARTBEAT = new LiveEvent(null, null, null, null, null);

    static LiveEvent of(String id, String name, Object event) {
        return new LiveEvent(id, name, json(event), null, null);
    }

    static LiveEvent alert(AlertCursor cursor, AlertTriggered alert) {
        return alert(cursor, alert.alertId(), json(alert));
    }

    /** A stored alert: with its cursor, or without one (then its id is the alertId) when stored before. */
    static LiveEvent alert(AlertCursor cursor, UUID alertId, String json) {
        return new LiveEvent(cursor == null ? alertId.toString() : cursor.toString(), "alert", json, cursor, alertId);
    }

    boolean isHeartbeat() {
        return id == null;
    }

    private static String json(Object event) {
        return new String(EventJson.write(event), StandardCharsets.UTF_8);
    }
}
