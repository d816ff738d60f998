package org.stockalerts.api.channels;

import java.net.URI;
import java.util.regex.Pattern;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.ChannelType;

/**
 * The addresses of chat and push channels: checked when a channel is added, and masked for everything but the
 * delivery service, since each is itself a secret (the token at the end of a Slack or Discord webhook URL, an ntfy
 * topic, a Telegram bot token).
 */
final class ChatAddresses {

    /** {@code telegram:<bot token>/<chat id>}: the token as BotFather issues it, the chat a number or @name. */
    private static final Pattern TELEGRAM =
            Pattern.compile("telegram:(\\d{3,20}:[A-Za-z0-9_-]{20,100})/(-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,64})");

    private static final Pattern NTFY_TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ChatAddresses() {}

    /**
     * A Slack, Discord or ntfy URL the webhook policy already let through, checked to have a last path segment
     * (the webhook's token, the ntfy topic).
     *
     * @throws UnprocessableException when it has none, or an ntfy topic has characters ntfy refuses
     */
    static String url(ChannelType type, String checked) {
        URI parsed = URI.create(checked);
        if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            throw new UnprocessableException("a " + type + " URL takes no query string or fragment");
        }
        String url = checked.endsWith("/") ? checked.substring(0, checked.length() - 1) : checked;
        String last = lastSegment(URI.create(url).getRawPath());
        if (last.isEmpty()) {
            throw new UnprocessableException(
                    switch (type) {
                        case SLACK ->
                            "a Slack incoming webhook URL looks like https://hooks.slack.com/services/T…/B…/…";
                        case DISCORD ->
                            "a Discord webhook URL looks like https://discord.com/api/webhooks/<id>/<token>";
                        default -> "an ntfy address is the topic's URL, like https://ntfy.sh/<topic>";
                    });
        }
        if (type == ChannelType.NTFY && !NTFY_TOPIC.matcher(last).matches()) {
            throw new UnprocessableException("an ntfy topic has 1 to 64 letters, digits, '-' or '_'");
        }
        return url;
    }

    /**
     * A Telegram address, {@code telegram:<bot token>/<chat id>}.
     *
     * @throws UnprocessableException when it is not one
     */
    static String telegram(String raw) {
        String address = raw.strip();
        if (!TELEGRAM.matcher(address).matches()) {
            throw new UnprocessableException("a Telegram address is telegram:<bot token>/<chat id>, e.g."
                    + " telegram:123456789:AAE…/-1001234567890 or telegram:123456789:AAE…/@mychannel");
        }
        return address;
    }

    /**
     * What the API shows of {@code address}: the secret part replaced by {@code ****} and its last four characters,
     * so the user can tell two channels apart.
     */
    static String masked(ChannelType type, String address) {
        if (type == ChannelType.TELEGRAM) {
            int slash = address.lastIndexOf('/');
            String token = address.substring("telegram:".length(), slash);
            return "telegram:****" + tail(token) + address.substring(slash);
        }
        int slash = address.lastIndexOf('/');
        return address.substring(0, slash + 1) + "****" + tail(address.substring(slash + 1));
    }

    private static String tail(String secret) {
        return secret.length() <= 8 ? "" : secret.substring(secret.length() - 4);
    }

    private static String lastSegment(String path) {
        if (path == null) {
            return "";
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
