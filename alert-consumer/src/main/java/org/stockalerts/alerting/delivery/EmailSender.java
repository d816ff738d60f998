package org.stockalerts.alerting.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;

/**
 * Mails an alert over SMTP ({@code spring.mail.*}, e.g. {@code SPRING_MAIL_HOST}) as a multipart
 * message with a plain-text and an HTML body. An SMTP server that cannot be reached or refuses for
 * now is worth retrying; an unusable address is final, and so is a service without SMTP settings.
 */
@Component
@RequiredArgsConstructor
public class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final DeliverySettings settings;

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public SendResult send(AlertTriggered alert, Channel channel, Duration timeout) {
        return mail(AlertEmail.of(alert), channel);
    }

    @Override
    public SendResult sendDigest(Digest digest, Channel channel, Duration timeout) {
        return mail(AlertEmail.digest(digest), channel);
    }

    @Override
    public SendResult sendNotice(Notice notice, Channel channel, Duration timeout) {
        return mail(AlertEmail.notice(notice), channel);
    }

    private SendResult mail(AlertEmail email, Channel channel) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return SendResult.permanent(null, "no SMTP server configured (set SPRING_MAIL_HOST)");
        }
        MimeMessage message;
        try {
            message = compose(sender, email, channel.address());
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            return SendResult.permanent(null, "cannot compose mail to this address: " + e.getMessage());
        }
        try {
            sender.send(message);
            return SendResult.delivered(null);
        } catch (MailParseException | MailPreparationException e) {
            return SendResult.permanent(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (MailException e) {
            return SendResult.retryable(null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private MimeMessage compose(JavaMailSender sender, AlertEmail email, String to) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(
                message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.mailFrom());
        helper.setTo(to);
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        return message;
    }
}
