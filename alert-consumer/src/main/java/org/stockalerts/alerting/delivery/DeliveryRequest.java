package org.stockalerts.alerting.delivery;

import java.util.UUID;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;

/**
 * One delivery task: an alert to one channel target of its user. Each target gets its own task, so
 * retrying one target never re-sends to another. Secrets never travel on Kafka: the sender reads the
 * target (address, secret, enabled) from the API's table by {@code channelId} when it sends.
 */
public record DeliveryRequest(AlertTriggered alert, UUID channelId, ChannelType channel) {

    public DeliveryRequest {
        if (alert == null || channelId == null || channel == null) {
            throw new IllegalArgumentException("alert, channelId and channel are required");
        }
    }

    /** The Kafka key: one target's deliveries stay in order on one partition. */
    public String key() {
        return channelId.toString();
    }
}
