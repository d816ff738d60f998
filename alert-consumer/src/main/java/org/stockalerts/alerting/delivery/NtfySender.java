package org.stockalerts.alerting.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.ChannelType;

/**
 * Publishes to an ntfy topic: a POST of the plain-text message to {@code <server>/<topic>} with {@code Title},
 * {@code Priority} ({@code high}), {@code Tags} and, when there is one, {@code Click} headers (header values kept to
 * printable ASCII). The server is the user's (ntfy is self-hostable), so its URL goes through the SSRF policy like a
 * webhook's. 2xx is delivered; 429 waits its {@code Retry-After}; 5xx and timeouts are retried; other 4xx (401 and
 * 403 for a protected topic, 413 too large) are final.
 */
@Component
class NtfySender extends ChatSender {

    NtfySender(ChatSenderParts parts) {
        super(parts);
    }

    @Override
    public ChannelType type() {
        return ChannelType.NTFY;
    }

    @Override
    Call call(String address, ChatMessage message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Title", ascii(message.title()));
        headers.put("Priority", "high");
        headers.put("Tags", message.lines().isEmpty() ? "chart_with_upwards_trend" : "bell");
        if (message.link() != null) {
            headers.put("Click", ascii(message.link()));
        }
        return new Call(
                URI.create(address),
                "text/plain; charset=utf-8",
                message.plainText().getBytes(StandardCharsets.UTF_8),
                headers);
    }

    @Override
    SendResult classify(Answer answer) {
        return byStatus(answer, brief(answer.body(), 100), retryAfterHeader(answer));
    }

    /** {@code text} with everything but printable ASCII replaced: header values must not carry anything else. */
    static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
