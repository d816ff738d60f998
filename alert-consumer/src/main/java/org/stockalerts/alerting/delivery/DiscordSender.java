package org.stockalerts.alerting.delivery;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Posts to a Discord webhook: {@code {"content", "embeds"}}, Discord's markdown escaped, and no mention allowed (a
 * rule's message cannot ping {@code @everyone}). 2xx is delivered; 429 waits the {@code retry_after} of its body
 * (seconds), else its {@code Retry-After}; 5xx and timeouts are retried; 404 (the webhook was deleted), 401, 403 and
 * 400 are final.
 */
@Component
class DiscordSender extends ChatSender {

    /** Discord's markdown characters, each escaped with a backslash. */
    private static final String MARKDOWN = "\\*_~`|>[]()#-";

    DiscordSender(ChatSenderParts parts) {
        super(parts);
    }

    @Override
    public ChannelType type() {
        return ChannelType.DISCORD;
    }

    @Override
    Call call(String address, ChatMessage message) {
        StringBuilder description = new StringBuilder(escape(message.headline()));
        message.lines().forEach(line -> description.append("\n• ").append(escape(line)));
        List<Map<String, Object>> fields = new ArrayList<>();
        message.facts()
                .forEach((label, value) ->
                        fields.add(Map.of("name", escape(label), "value", escape(value), "inline", true)));
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", escape(message.title()));
        embed.put("description", description.toString());
        if (message.link() != null) {
            embed.put("url", message.link());
        }
        embed.put("timestamp", message.at().toString());
        if (!fields.isEmpty()) {
            embed.put("fields", fields);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", escape(message.title() + ": " + message.headline()));
        body.put("embeds", List.of(embed));
        body.put("allowed_mentions", Map.of("parse", List.of()));
        return new Call(URI.create(address), "application/json", EventJson.write(body), Map.of());
    }

    @Override
    SendResult classify(Answer answer) {
        JsonNode error = json(answer.body());
        String detail = error == null
                ? brief(answer.body(), 100)
                : brief(error.path("message").asString(""), 100);
        Duration wait = error == null || !error.path("retry_after").isNumber()
                ? retryAfterHeader(answer)
                : Duration.ofMillis(error.path("retry_after")
                        .decimalValue()
                        .multiply(BigDecimal.valueOf(1000))
                        .longValue());
        return byStatus(answer, detail, wait);
    }

    /** Text with Discord's markdown characters escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (MARKDOWN.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** {@code body} as JSON, or null when it is not. */
    static JsonNode json(String body) {
        try {
            JsonNode node = EventJson.mapper().readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
