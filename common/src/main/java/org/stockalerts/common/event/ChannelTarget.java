package org.stockalerts.common.event;

import java.util.UUID;

/**
 * One delivery target of a user. Webhook signing secrets never travel on Kafka: the delivery
 * service reads them from the API's notification_channels table by {@code channelId}.
 *
 * @param address the e-mail address or the webhook URL
 */
public record ChannelTarget(UUID channelId, ChannelType type, String address, boolean enabled) {

    public ChannelTarget {
        Require.present(channelId, "channelId");
        Require.present(type, "type");
        Require.present(address, "address");
    }
}
