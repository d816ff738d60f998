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
     * @throws DeliveryRefusedException when the target may or can never be sent to
     * @throws DeliveryFailedException when the target is unreachable for now
     */
    SendResult send(AlertTriggered alert, Channel channel, Duration timeout);
}
