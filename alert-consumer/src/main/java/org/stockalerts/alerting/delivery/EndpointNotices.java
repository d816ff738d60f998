package org.stockalerts.alerting.delivery;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.ChannelType;

/**
 * Tells a user that one of their channels was disabled, through each of their other enabled channels that works (an
 * e-mail, a webhook as a {@code channel.disabled} event, a Slack, Discord, Telegram or ntfy message). A notice is sent
 * once, when the channel is disabled; one that cannot be sent is logged and not retried: the channel's status
 * (api-service shows DISABLED, with the reason and its health) tells the user as well.
 */
@Component
public class EndpointNotices {

    private static final Logger log = LoggerFactory.getLogger(EndpointNotices.class);

    private final ChannelDirectory directory;
    private final EndpointStates states;
    private final DeliverySettings settings;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);

    public EndpointNotices(
            ChannelDirectory directory, EndpointStates states, DeliverySettings settings, List<ChannelSender> senders) {
        this.directory = directory;
        this.states = states;
        this.settings = settings;
        senders.forEach(sender -> this.senders.put(sender.type(), sender));
    }

    /** {@code disabled} was disabled at {@code at} for {@code reason}. */
    public void disabled(Channel disabled, Instant at, String reason) {
        Notice notice = Notice.disabled(disabled, at, reason);
        directory.enabledChannels(disabled.userId()).stream()
                .filter(other -> !other.id().equals(disabled.id()) && !states.disabled(other.id()))
                .forEach(other -> send(notice, other));
    }

    private void send(Notice notice, Channel to) {
        ChannelSender sender = senders.get(to.type());
        SendResult result = sender == null
                ? SendResult.permanent(null, "no sender for " + to.type())
                : sender.sendNotice(notice, to, settings.requestTimeout());
        if (result.kind() != SendResult.Kind.DELIVERED) {
            log.atWarn()
                    .addKeyValue("userId", notice.userId())
                    .addKeyValue("channelId", notice.channelId())
                    .addKeyValue("noticeChannelId", to.id())
                    .addKeyValue("reason", result.error())
                    .log("channel-disabled notice not sent");
        }
    }
}
