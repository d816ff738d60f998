package org.stockalerts.alerting.delivery;

import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.ChannelType;

/**
 * Tells a user that one of their webhooks was disabled, by e-mail to each of their enabled e-mail
 * channels. A notice is sent once, when the target is disabled; one that cannot be sent is logged and
 * not retried: the channel's status (api-service shows DISABLED) tells the user as well.
 */
@Component
@RequiredArgsConstructor
public class EndpointNotices {

    private static final Logger log = LoggerFactory.getLogger(EndpointNotices.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final ChannelDirectory directory;
    private final DeliverySettings settings;

    /** {@code webhook} was disabled at {@code at} for {@code reason}. */
    public void disabled(Channel webhook, Instant at, String reason) {
        JavaMailSender sender = mail.getIfAvailable();
        directory.enabledChannels(webhook.userId()).stream()
                .filter(channel -> channel.type() == ChannelType.EMAIL)
                .forEach(email -> {
                    if (sender == null) {
                        logged(webhook, "no SMTP server configured");
                        return;
                    }
                    try {
                        sender.send(message(email.address(), webhook, at, reason));
                    } catch (MailException e) {
                        logged(webhook, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                });
    }

    private SimpleMailMessage message(String to, Channel webhook, Instant at, String reason) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(to);
        message.setSubject("Stock alerts: your " + kind(webhook) + " was disabled");
        message.setText("We stopped delivering alerts to your " + kind(webhook) + " " + webhook.address() + " (channel "
                + webhook.id() + ") at " + at + ": " + reason + ".\n\nOnce the receiver works again, re-enable it:"
                + " POST /users/" + webhook.userId() + "/channels/" + webhook.id() + "/reenable\n");
        return message;
    }

    private static void logged(Channel webhook, String why) {
        log.atWarn()
                .addKeyValue("userId", webhook.userId())
                .addKeyValue("channelId", webhook.id())
                .addKeyValue("reason", why)
                .log("webhook-disabled notice not sent by e-mail");
    }

    /** How the notice names the channel: "webhook", "Slack channel", … */
    private static String kind(Channel channel) {
        return switch (channel.type()) {
            case SLACK -> "Slack channel";
            case DISCORD -> "Discord channel";
            case TELEGRAM -> "Telegram chat";
            case NTFY -> "ntfy topic";
            default -> "webhook";
        };
    }
}
