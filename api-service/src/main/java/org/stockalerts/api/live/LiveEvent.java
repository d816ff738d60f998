package org.stockalerts.api.live;

import java.nio.charset.StandardCharsets;
import org.stockalerts.common.kafka.EventJson;

/**
 * One message for a stream: an SSE event with an id, a name and a JSON body, or a heartbeat comment.
 *
 * @param id the SSE id ({@code alertId} for alerts, the tick's eventId for ticks); null for a heartbeat
 */
record LiveEvent(String id, String name, String json) {

    static final LiveEvent HEARTBEAT = new LiveEvent(null, null, null);

    static LiveEvent of(String id, String name, Object event) {
        return new LiveEvent(id, name, new String(EventJson.write(event), StandardCharsets.UTF_8));
    }

    boolean isHeartbeat() {
        return id == null;
    }
}
