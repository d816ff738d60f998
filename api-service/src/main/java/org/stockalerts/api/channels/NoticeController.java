package org.stockalerts.api.channels;

import static org.stockalerts.api.security.Ownership.requireSelf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The user's notices in the app: what the service tells them about their own setup, newest first. Today: each channel
 * the delivery service disabled (the same notice it sends through the user's other channels), for as long as it
 * stays disabled.
 */
@RestController
@RequestMapping("/users/{userId}/notices")
@Tag(name = "Notification channels")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NoticeController {

    /**
     * One notice.
     *
     * @param kind {@code CHANNEL_DISABLED}
     * @param channelId the channel it is about
     * @param address the channel's address as the API shows it (masked for chat channels)
     * @param detail why, in a sentence
     */
    record NoticeView(
            String kind, UUID channelId, ChannelType channelType, String address, String detail, Instant at) {}

    private final ChannelRepository channels;
    private final EndpointStatuses statuses;

    @GetMapping
    @Operation(
            summary = "The user's notices: channels the delivery service disabled, newest first",
            description = "A channel disabled after failing (410 Gone, repeated final errors, or failures for"
                    + " STOCKALERTS_DELIVERY_DISABLE_AFTER) is listed until it is re-enabled; the same notice went"
                    + " out through the user's other channels when it was disabled.")
    @JsonAnswer(ChannelExamples.NOTICES)
    List<NoticeView> list(@PathVariable UUID userId, @CurrentUser UUID caller) {
        Map<UUID, EndpointStatuses.State> states = statuses.states(requireSelf(userId, caller));
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
                            disabled.at());
                })
                .sorted(Comparator.comparing(NoticeView::at).reversed())
                .toList();
    }
}
