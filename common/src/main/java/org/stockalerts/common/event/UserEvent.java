package org.stockalerts.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * Events about a user, published on {@code user-events} keyed by userId. The JSON carries a
 * {@code type} property naming the event.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = UserRegistered.class, name = "UserRegistered"),
    @JsonSubTypes.Type(value = UserDeleted.class, name = "UserDeleted"),
    @JsonSubTypes.Type(value = PortfolioChanged.class, name = "PortfolioChanged"),
    @JsonSubTypes.Type(value = ChannelsChanged.class, name = "ChannelsChanged"),
    @JsonSubTypes.Type(value = ChannelReenabled.class, name = "ChannelReenabled"),
    @JsonSubTypes.Type(value = DeliveryReplayRequested.class, name = "DeliveryReplayRequested")
})
public sealed interface UserEvent extends Event
        permits UserRegistered,
                UserDeleted,
                PortfolioChanged,
                ChannelsChanged,
                ChannelReenabled,
                DeliveryReplayRequested {

    /** The user this event is about; also the record key. */
    UUID userId();
}
