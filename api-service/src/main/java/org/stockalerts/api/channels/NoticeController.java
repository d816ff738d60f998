package org.stockalerts.api.channels;

import static org.stockalerts.api.security.Ownership.requireSelf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.web.JsonAnswer;
import org.stockalerts.common.event.ChannelType;

/**
 * The user's notices in the app: what the service tells them about their own setup and their alerts, newest first,
 * at most {@value #MAX_NOTICES}: each channel the delivery service disabled (the same notice it sends through the
 * user's other channels), for as long as it stays disabled, and each time the market data of a symbol they have an
 * active rule on went blind or came back (the feed notices alert-consumer sent through their channels, kept 30 days).
 */
@RestController
@RequestMapping("/users/{userId}/notices")
@Tag(name = "Notification channels")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NoticeController {

    /** The most notices listed, the newest. */
    static final int MAX_NOTICES = 100;

    /**
     * One notice; a field that does not apply to its kind is left out.
     *
     * @param kind {@code CHANNEL_DISABLED}, {@code FEED_STALE} (a symbol's market data went blind) or {@code
     *     FEED_RESUMED} (it came back, and the alerts it hid were caught up)
     * @param channelId the channel a {@code CHANNEL_DISABLED} notice is about
     * @param address the channel's address as the API shows it (masked for chat channels)
     * @param detail what happened, in a sentence or two
     * @param at when it happened: the channel was disabled, the feed went blind, or came back
     * @param symbol the symbol a feed notice is about
     * @param problem why its feed was blind: {@code NO_TICKS}, {@code QUOTA_EXHAUSTED} or {@code UNKNOWN_SYMBOL}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NoticeView(
            String kind,
            UUID channelId,
            ChannelType channelType,
            String address,
            String detail,
            Instant at,
            String symbol,
            String problem) {}

    private final ChannelRepository channels;
    private final EndpointStatuses statuses;
    private final FeedNotices feedNotices;

    @GetMapping
    @Operation(
            summary = "The user's notices: channels the delivery service disabled, symbols whose market data went"
                    + " blind or came back; newest first",
            description = "A channel disabled after failing (410 Gone, repeated final errors, or failures for"
                    + " STOCKALERTS_DELIVERY_DISABLE_AFTER) is listed until it is re-enabled (CHANNEL_DISABLED); the"
                    + " same notice went out through the user's other channels when it was disabled. A symbol the user"
                    + " has an active rule on whose market data went blind (FEED_STALE: no prices, the provider's quota"
                    + " spent, or the symbol unknown to it) or came back (FEED_RESUMED) is listed for"
                    + " STOCKALERTS_DELIVERY_FEED_NOTICE_RETENTION of alert-consumer (30 days); the same notice went out through the user's channels. At most "
                    + MAX_NOTICES + ", the newest.")
    @JsonAnswer(ChannelExamples.NOTICES)
    List<NoticeView> list(@PathVariable UUID userId, @CurrentUser UUID caller) {
        Map<UUID, EndpointStatuses.State> states = statuses.states(requireSelf(userId, caller));
        return Stream.concat(disabledChannels(userId, states), feedNotices.newest(userId, MAX_NOTICES).stream())
                .sorted(Comparator.comparing(NoticeView::at).reversed())
                .limit(MAX_NOTICES)
                .toList();
    }

    private Stream<NoticeView> disabledChannels(UUID userId, Map<UUID, EndpointStatuses.State> states) {
        return channels.findByUserIdOrderByCreatedAtAscIdAsc(userId).stream()
                .filter(channel -> states.containsKey(channel.id())
                        && states.get(channel.id()).disabled() != null)
                .map(channel -> {
                    EndpointStatuses.Disabled disabled =
                            states.get(channel.id()).disabled();
                    return new NoticeView(
                            "CHANNEL_DISABLED",
                            channel.id(),
                            channel.type(),
                            channel.address(),
                            "deliveries to this channel stopped: " + disabled.reason()
                                    + "; re-enable it with POST /users/" + userId + "/channels/" + channel.id()
                                    + "/reenable",
                            disabled.at(),
                            null,
                            null);
                });
    }
}
