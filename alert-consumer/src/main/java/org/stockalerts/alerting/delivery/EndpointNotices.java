package org.stockalerts.alerting.delivery;

import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Tells a user that one of their channels was disabled, through each of their other enabled channels that works (an
 * e-mail, a webhook as a {@code channel.disabled} event, a Slack, Discord, Telegram or ntfy message). A notice is sent
 * once, when the channel is disabled; one that cannot be sent is logged and not retried: the channel's status
 * (api-service shows DISABLED, with the reason and its health) tells the user as well.
 */
@Component
@RequiredArgsConstructor
public class EndpointNotices {

    private final NoticeChannels channels;

    /** {@code disabled} was disabled at {@code at} for {@code reason}. */
    public void disabled(Channel disabled, Instant at, String reason) {
        channels.send(
                Notice.disabled(disabled, at, reason), other -> !other.id().equals(disabled.id()));
    }
}
