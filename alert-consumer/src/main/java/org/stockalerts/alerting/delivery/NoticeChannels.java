package org.stockalerts.alerting.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.ChannelType;

/**
 * Sends a notice through each of its user's enabled channels that works (not disabled after failing): an e-mail, a
 * webhook as an event of the notice's type, a Slack, Discord, Telegram or ntfy message. Each channel gets one attempt;
 * one that fails is logged and not retried.
 */
@Component
public class NoticeChannels {

    private static final Logger log = LoggerFactory.getLogger(NoticeChannels.class);

    private final ChannelDirectory directory;
    private final EndpointStates states;
    private final DeliverySettings settings;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);

    public NoticeChannels(
            ChannelDirectory directory, EndpointStates states, DeliverySettings settings, List<ChannelSender> senders) {
        this.directory = directory;
        this.states = states;
        this.settings = settings;
        senders.forEach(sender -> this.senders.put(sender.type(), sender));
    }

    /**
     * Sends {@code notice} through each enabled, not disabled channel of its user that {@code through} accepts.
     *
     * @return how many channels took it
     */
    public int send(Notice notice, Predicate<Channel> through) {
        int delivered = 0;
        for (Channel channel : directory.enabledChannels(notice.userId())) {
            if (through.test(channel) && !states.disabled(channel.id()) && sent(notice, channel)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean sent(Notice notice, Channel to) {
        ChannelSender sender = senders.get(to.type());
        SendResult result = sender == null
                ? SendResult.permanent(null, "no sender for " + to.type())
                : sender.sendNotice(notice, to, settings.requestTimeout());
        if (result.kind() == SendResult.Kind.DELIVERED) {
            return true;
        }
        log.atWarn()
                .addKeyValue("userId", notice.userId())
                .addKeyValue("noticeId", notice.id())
                .addKeyValue("type", notice.type())
                .addKeyValue("channelId", notice.channelId())
                .addKeyValue("noticeChannelId", to.id())
                .addKeyValue("reason", result.error())
                .log("notice not sent");
        return false;
    }
}
