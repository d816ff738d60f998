package org.stockalerts.alerting.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.kafka.EventJson;

/**
 * Posts to a Slack incoming webhook: {@code {"text", "blocks"}}, the text as the notification's fallback and the
 * blocks in mrkdwn ({@code &}, {@code <} and {@code >} escaped, as Slack asks). 200 is delivered; 429 waits its
 * {@code Retry-After}; 5xx and timeouts are retried; 404 and 410 ({@code no_service}, {@code no_active_hooks},
 * {@code channel_is_archived}), 400 and 403 are final.
 */
@Component
class SlackSender extends ChatSender {

    SlackSender(ChatSenderParts parts) {
        super(parts);
    }

    @Override
    public ChannelType type() {
        return ChannelType.SLACK;
    }

    @Override
    Call call(String address, ChatMessage message) {
        StringBuilder text =
                new StringBuilder("*").append(escape(message.title())).append("*\n");
        text.append(escape(message.headline()));
        message.facts()
                .forEach((label, value) ->
                        text.append("\n*").append(escape(label)).append(":* ").append(escape(value)));
        message.lines().forEach(line -> text.append("\n• ").append(escape(line)));
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text.toString())));
        if (message.link() != null) {
            blocks.add(Map.of(
                    "type",
                    "context",
                    "elements",
                    List.of(Map.of("type", "mrkdwn", "text", "<" + message.link() + "|Open the rule>"))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", escape(message.title() + ": " + message.headline()));
        body.put("blocks", blocks);
        return new Call(URI.create(address), "application/json", EventJson.write(body), Map.of());
    }

    @Override
    SendResult classify(Answer answer) {
        return byStatus(answer, brief(answer.body(), 100), retryAfterHeader(answer));
    }

    /** Text for Slack's mrkdwn: its three control characters escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
