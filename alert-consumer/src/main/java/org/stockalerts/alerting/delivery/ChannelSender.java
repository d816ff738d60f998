package org.stockalerts.alerting.delivery;

import java.time.Duration;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;

/** Sends an alert through one kind of channel, once; retrying is the caller's business. */
public interface ChannelSender {

    /** The kind of channel this sender serves. */
    ChannelType type();

    /**
     * One attempt to deliver {@code alert} to {@code channel}.
     *
     * @param timeout how long this attempt may wait for the receiver's answer (senders whose client
     *     has a fixed timeout of its own, like SMTP's session, keep that one)
     * @return every outcome, a refused or unreachable target included: a sender does not throw for
     *     the receiver's or the address's sake
     */
    SendResult send(AlertTriggered alert, Channel channel, Duration timeout);

    /**
     * One attempt to deliver {@code digest}, the alerts held for {@code channel}, as one message.
     *
     * @return every outcome, as {@link #send} does
     */
    SendResult sendDigest(Digest digest, Channel channel, Duration timeout);

    /**
     * One attempt to send {@code notice} (a channel disabled, a test message) to {@code channel}.
     *
     * @return every outcome, as {@link #send} does
     */
    SendResult sendNotice(Notice notice, Channel channel, Duration timeout);
}
