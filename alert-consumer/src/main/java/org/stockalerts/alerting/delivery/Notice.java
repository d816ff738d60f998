package org.stockalerts.alerting.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.ChannelType;

/**
 * Something the service tells a user about one of their channels, through a channel: that it was disabled, or a test
 * message they asked for. Sent once; a notice that cannot be sent is logged, not retried.
 *
 * @param id the notice's id (a webhook's {@code webhook-id}): the same for the same event, so a receiver drops a repeat
 * @param type {@link #CHANNEL_DISABLED} or {@link #CHANNEL_TEST}
 * @param channelId the channel it is about
 */
public record Notice(UUID id, String type, String title, String text, UUID userId, UUID channelId, Instant at) {

    /** A channel was disabled after failing. */
    public static final String CHANNEL_DISABLED = "channel.disabled";

    /** A test message the user asked for. */
    public static final String CHANNEL_TEST = "channel.test";

    /** The notice that {@code channel} was disabled at {@code at} for {@code reason}. */
    static Notice disabled(Channel channel, Instant at, String reason) {
        String kind = kind(channel);
        return new Notice(
                UUID.nameUUIDFromBytes((CHANNEL_DISABLED + channel.id() + at).getBytes(StandardCharsets.UTF_8)),
                CHANNEL_DISABLED,
                "Stock alerts: your " + kind + " was disabled",
                "We stopped delivering alerts to your " + kind + " " + shown(channel) + " (channel "
                        + channel.id() + ") at " + at + ": " + reason + ". Once it works again, re-enable it: POST"
                        + " /users/" + channel.userId() + "/channels/" + channel.id() + "/reenable",
                channel.userId(),
                channel.id(),
                at);
    }

    /** A test message to {@code channel}, asked for at {@code at}. */
    static Notice test(Channel channel, Instant at) {
        return new Notice(
                UUID.randomUUID(),
                CHANNEL_TEST,
                "Stock alerts: test message",
                "This is a test message to your " + kind(channel) + " " + shown(channel) + " (channel " + channel.id()
                        + "). Alerts will arrive here like this one.",
                channel.userId(),
                channel.id(),
                at);
    }

    /**
     * How a notice shows the channel's address: a webhook's URL may carry a secret in its path and a notice goes to
     * other services, so only its scheme and host; a chat channel's address is stored masked already.
     */
    static String shown(Channel channel) {
        if (channel.type() != ChannelType.WEBHOOK) {
            return channel.address();
        }
        try {
            URI uri = URI.create(channel.address());
            return uri.getScheme() + "://" + uri.getHost() + "/…";
        } catch (IllegalArgumentException e) {
            return "(address not shown)";
        }
    }

    /** How a notice names the channel: "webhook", "Slack channel", … */
    static String kind(Channel channel) {
        return switch (channel.type()) {
            case SLACK -> "Slack channel";
            case DISCORD -> "Discord channel";
            case TELEGRAM -> "Telegram chat";
            case NTFY -> "ntfy topic";
            case EMAIL -> "e-mail address";
            default -> "webhook";
        };
    }
}
