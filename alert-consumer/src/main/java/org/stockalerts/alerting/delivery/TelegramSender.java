package org.stockalerts.alerting.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Sends to a Telegram chat through the Bot API's {@code sendMessage} ({@code chat_id}, {@code text},
 * {@code parse_mode} HTML, every user-given text HTML-escaped), at {@code STOCKALERTS_DELIVERY_TELEGRAM_API_URL}
 * (Telegram's own by default). The channel's address is {@code telegram:<bot token>/<chat id>}, the chat id a number
 * (negative for groups) or {@code @channelname}. {@code "ok": true} is delivered; 429 waits the
 * {@code parameters.retry_after} of its body; 5xx and timeouts are retried; 403 (the bot was blocked or removed from
 * the chat), 400 (no such chat) and 401 (a revoked token) are final.
 */
@Component
class TelegramSender extends ChatSender {

    /** {@code telegram:<bot token>/<chat id>}. */
    static final Pattern ADDRESS =
            Pattern.compile("telegram:(\\d{3,20}:[A-Za-z0-9_-]{20,100})/(-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,64})");

    TelegramSender(ChatSenderParts parts) {
        super(parts);
    }

    @Override
    public ChannelType type() {
        return ChannelType.TELEGRAM;
    }

    @Override
    Call call(String address, ChatMessage message) {
        Matcher parts = ADDRESS.matcher(address);
        if (!parts.matches()) {
            return null;
        }
        StringBuilder text =
                new StringBuilder("<b>").append(escape(message.title())).append("</b>\n");
        text.append(escape(message.headline()));
        message.facts()
                .forEach((label, value) -> text.append("\n<b>")
                        .append(escape(label))
                        .append(":</b> ")
                        .append(escape(value)));
        message.lines().forEach(line -> text.append("\n• ").append(escape(line)));
        if (message.link() != null) {
            text.append("\n<a href=\"").append(escape(message.link())).append("\">Open the rule</a>");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String chat = parts.group(2);
        // as a string: Telegram takes either, and a 20-digit id would not fit a long
        body.put("chat_id", chat);
        body.put("text", text.toString());
        body.put("parse_mode", "HTML");
        body.put("disable_web_page_preview", true);
        String base = settings().telegramApiUrl();
        URI uri = URI.create((base.endsWith("/") ? base : base + "/") + "bot" + parts.group(1) + "/sendMessage");
        return new Call(uri, "application/json", EventJson.write(body), Map.of());
    }

    @Override
    SendResult classify(Answer answer) {
        JsonNode reply = DiscordSender.json(answer.body());
        if (answer.status() >= 200
                && answer.status() < 300
                && reply != null
                && !reply.path("ok").asBoolean(true)) {
            // a 2xx that says it failed is a final answer, not a success
            return SendResult.permanent(
                    answer.status(), describe(answer, reply.path("description").asString("")));
        }
        String detail = reply == null
                ? brief(answer.body(), 100)
                : brief(reply.path("description").asString(""), 100);
        Duration wait = Optional.ofNullable(reply)
                .map(json -> json.path("parameters").path("retry_after"))
                .filter(JsonNode::isNumber)
                .map(seconds -> Duration.ofSeconds(seconds.asLong()))
                .orElseGet(() -> retryAfterHeader(answer));
        return byStatus(answer, detail, wait);
    }

    static String escape(String text) {
        // only &, <, > and " as entities (Telegram knows no others); every other character as it is
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
