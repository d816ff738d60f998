package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.ChannelType;

/**
 * Disables a target called over HTTP (a webhook, a Slack, Discord, Telegram or ntfy channel) that keeps failing: at once when it answers 410 Gone (the receiver says it
 * is gone for good), after {@code disableAfterPermanentFailures} final errors without a success (a deleted Slack or
 * Discord webhook, a blocked Telegram bot), or once it has failed for {@code disableAfter} without one success. A
 * disabled target gets no deliveries until its user re-enables it; the user is told once
 * ({@link EndpointNotices}).
 */
@Component
public class EndpointHealth {

    private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);
    private static final int GONE = 410;

    private final EndpointStates states;
    private final EndpointNotices notices;
    private final Duration disableAfter;
    private final int permanentFailuresLimit;
    private final Clock clock;

    public EndpointHealth(EndpointStates states, EndpointNotices notices, DeliverySettings settings, Clock clock) {
        this.states = states;
        this.notices = notices;
        this.disableAfter = settings.disableAfter();
        this.permanentFailuresLimit = settings.disableAfterPermanentFailures();
        this.clock = clock;
    }

    /** Whether deliveries to {@code channel} are stopped because it was disabled. */
    public boolean disabled(Channel channel) {
        return watched(channel) && states.disabled(channel.id());
    }

    /** Takes note of what an attempt to {@code channel} came to. */
    public void attempted(Channel channel, SendResult result) {
        if (!watched(channel)) {
            return;
        }
        if (result.kind() == SendResult.Kind.DELIVERED) {
            states.succeeded(channel.id());
            return;
        }
        Instant now = clock.instant();
        // a final answer of a chat provider (a deleted Slack or Discord webhook, a blocked bot) counts towards
        // disabling;
        // our own refusals (a secret that does not open, an SSRF refusal) carry no status and do not, nor does a
        // webhook's 4xx, which may be a receiver being redeployed: webhooks keep the 410 and disable-after rules
        boolean permanent = result.kind() == SendResult.Kind.PERMANENT
                && result.statusCode() != null
                && channel.type() != ChannelType.WEBHOOK;
        EndpointStates.Failing failing = states.failed(channel.id(), channel.userId(), now, result.error(), permanent);
        String reason;
        if (result.statusCode() != null && result.statusCode() == GONE) {
            reason = "the receiver answered 410 Gone";
        } else if (permanent && failing.permanentFailures() >= permanentFailuresLimit) {
            reason = failing.permanentFailures() + " final errors without a success since " + failing.since()
                    + " (disabled after " + permanentFailuresLimit + "), the last: " + result.error();
        } else if (Duration.between(failing.since(), now).compareTo(disableAfter) >= 0) {
            reason = "no successful delivery since " + failing.since() + " (disabled after " + disableAfter + ")";
        } else {
            return;
        }
        if (states.disable(channel.id(), channel.userId(), now, reason)) {
            log.atWarn()
                    .addKeyValue("userId", channel.userId())
                    .addKeyValue("channelId", channel.id())
                    .addKeyValue("reason", reason)
                    .addKeyValue("channel", channel.type())
                    .log("channel disabled");
            notices.disabled(channel, now, reason);
        }
    }

    /** Channels called over HTTP (webhooks and chat services) are watched; e-mail is not. */
    private static boolean watched(Channel channel) {
        return channel.type().deliveredOut() && channel.type() != ChannelType.EMAIL;
    }
}
