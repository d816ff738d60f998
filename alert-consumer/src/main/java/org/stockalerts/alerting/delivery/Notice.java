package org.stockalerts.alerting.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.FeedStatusChanged;

/**
 * Something the service tells a user through a channel: that one of their channels was disabled, a test message they
 * asked for, or that the market data of a symbol they have rules on went blind or came back ({@link FeedNotices}).
 * Sent once; a notice that cannot be sent is logged, not retried.
 *
 * @param id the notice's id (a webhook's {@code webhook-id}): the same for the same event, so a receiver drops a repeat
 * @param type {@link #CHANNEL_DISABLED}, {@link #CHANNEL_TEST}, {@link #FEED_STALE} or {@link #FEED_RESUMED}
 * @param channelId the channel it is about; null for a feed notice, which is about a symbol
 * @param feed the symbol's feed a feed notice is about; null for a channel notice
 * @param at when what it tells happened
 */
public record Notice(
        UUID id, String type, String title, String text, UUID userId, UUID channelId, Feed feed, Instant at) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    /** A channel was disabled after failing. */
    public static final String CHANNEL_DISABLED = "channel.disabled";

    /** A test message the user asked for. */
    public static final String CHANNEL_TEST = "channel.test";

    /** The market data of a symbol went blind. */
    public static final String FEED_STALE = "feed.stale";

    /** The market data of a symbol came back after it was blind. */
    public static final String FEED_RESUMED = "feed.resumed";

    /**
     * The symbol a feed notice is about, and why it was blind.
     *
     * @param since when it went blind
     * @param resumedAt when data came back; null while it is blind
     */
    public record Feed(String symbol, FeedStatusChanged.Problem problem, Instant since, Instant resumedAt) {}

    /**
     * The notice to {@code userId} that {@code stale}'s symbol went blind, its times in {@code zone}; its id is the same
     * for the same event and user.
     */
    static Notice feedStale(FeedStatusChanged stale, UUID userId, ZoneId zone) {
        String symbol = stale.symbol().value();
        String last = stale.lastTickAt() == null
                ? "We have no price for it yet."
                : "Its last price is from " + time(stale.lastTickAt(), zone) + ".";
        return feed(
                stale,
                userId,
                FEED_STALE,
                "Stock alerts: no market data for " + symbol + ", its alerts cannot fire",
                "Since " + time(stale.since(), zone) + " we get no prices for " + symbol + ": "
                        + problem(stale.problem()) + ". " + last + " Your alerts on " + symbol
                        + " cannot fire until prices return; we will tell you when they do, and check what you"
                        + " missed then.");
    }

    /**
     * The notice to {@code userId} that {@code resumed}'s symbol has data again, its times in {@code zone}; its id is
     * the same for the same event and user.
     */
    static Notice feedResumed(FeedStatusChanged resumed, UUID userId, ZoneId zone) {
        String symbol = resumed.symbol().value();
        int hidden = resumed.catchUp().size();
        String caughtUp = switch (hidden) {
            case 0 -> "The first price after the gap was checked against the last one before it";
            case 1 -> "The one price the provider reported for the gap was checked";
            default -> "The " + hidden + " prices the provider reported for the gap were checked";
        };
        return feed(
                resumed,
                userId,
                FEED_RESUMED,
                "Stock alerts: market data for " + symbol + " is back",
                "Prices for " + symbol + " are back since " + time(resumed.resumedAt(), zone) + ", after "
                        + blind(resumed.since(), resumed.resumedAt()) + " without them (" + problem(resumed.problem())
                        + "). Your alerts on " + symbol + " fire again. " + caughtUp + " against your rules:"
                        + " a crossing you missed fires now, marked \"catch-up\".");
    }

    /** When what a feed notice of {@code event} tells happened: the feed went blind, or came back. */
    static Instant at(FeedStatusChanged event) {
        return event.status() == FeedStatusChanged.Status.RESUMED ? event.resumedAt() : event.since();
    }

    private static Notice feed(FeedStatusChanged event, UUID userId, String type, String title, String text) {
        return new Notice(
                UUID.nameUUIDFromBytes((type + event.eventId() + userId).getBytes(StandardCharsets.UTF_8)),
                type,
                title,
                text,
                userId,
                null,
                new Feed(event.symbol().value(), event.problem(), event.since(), event.resumedAt()),
                at(event));
    }

    /** Why a feed is blind, in words. */
    static String problem(FeedStatusChanged.Problem problem) {
        return switch (problem) {
            case NO_TICKS -> "the market-data provider sent none for longer than expected while the market was open";
            case QUOTA_EXHAUSTED -> "the market-data provider refused more requests, its request quota is spent";
            case UNKNOWN_SYMBOL -> "the market-data provider says it does not know the symbol";
        };
    }

    private static String time(Instant at, ZoneId zone) {
        return TIME.withZone(zone).format(at);
    }

    /** How long a feed was blind, to the minute: "45 minutes", "2 hours 5 minutes", "3 days 4 hours". */
    static String blind(Instant since, Instant resumedAt) {
        Duration gap = Duration.between(since, resumedAt);
        if (gap.toDays() > 0) {
            return count(gap.toDays(), "day") + (gap.toHoursPart() > 0 ? " " + count(gap.toHoursPart(), "hour") : "");
        }
        if (gap.toHours() > 0) {
            return count(gap.toHours(), "hour")
                    + (gap.toMinutesPart() > 0 ? " " + count(gap.toMinutesPart(), "minute") : "");
        }
        return gap.toMinutes() > 0 ? count(gap.toMinutes(), "minute") : "less than a minute";
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** The notice that {@code channel} was disabled at {@code at} for {@code reason}. */
    static Notice disabled(Channel channel, Instant at, String reason) {
        String kind = kind(channel);
        return new Notice(
                UUID.nameUUIDFromBytes((CHANNEL_DISABLED + channel.id() + at).getBytes(StandardCharsets.UTF_8)),
                CHANNEL_DISABLED,
                "Stock alerts: your " + kind + " was disabled",
                "We stopped delivering alerts to your " + kind + " " + shown(channel) + " (channel "
                        + channel.id() + ") at " + at + ": " + reason + ". Once it works again, re-enable it: POST"
                        + " /users/" + channel.userId() + "/channels/" + channel.id() + "/reenable",
                channel.userId(),
                channel.id(),
                null,
                at);
    }

    /** A test message to {@code channel}, asked for at {@code at}. */
    static Notice test(Channel channel, Instant at) {
        return new Notice(
                UUID.randomUUID(),
                CHANNEL_TEST,
                "Stock alerts: test message",
                "This is a test message to your " + kind(channel) + " " + shown(channel) + " (channel " + channel.id()
                        + "). Alerts will arrive here like this one.",
                channel.userId(),
                channel.id(),
                null,
                at);
    }

    /**
     * How a notice shows the channel's address: a webhook's URL may carry a secret in its path and a notice goes to
     * other services, so only its scheme and host; a chat channel's address is stored masked already.
     */
    static String shown(Channel channel) {
        if (channel.type() != ChannelType.WEBHOOK) {
            return channel.address();
        }
        try {
            URI uri = URI.create(channel.address());
            return uri.getScheme() + "://" + uri.getHost() + "/…";
        } catch (IllegalArgumentException e) {
            return "(address not shown)";
        }
    }

    /** How a notice names the channel: "webhook", "Slack channel", … */
    static String kind(Channel channel) {
        return switch (channel.type()) {
            case SLACK -> "Slack channel";
            case DISCORD -> "Discord channel";
            case TELEGRAM -> "Telegram chat";
            case NTFY -> "ntfy topic";
            case EMAIL -> "e-mail address";
            default -> "webhook";
        };
    }
}
