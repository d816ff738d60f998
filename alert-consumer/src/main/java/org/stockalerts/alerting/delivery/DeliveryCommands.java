package org.stockalerts.alerting.delivery;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.ChannelReenabled;
import org.stockalerts.common.event.DeliveryReplayRequested;
import org.stockalerts.common.event.UserDeleted;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.kafka.Topics;

/**
 * What users ask of delivery through api-service, arriving on {@code user-events} from its outbox: a
 * disabled webhook re-enabled ({@link ChannelReenabled}), one delivery replayed
 * ({@link DeliveryReplayRequested}), a deleted user's delivery history erased ({@link UserDeleted},
 * {@link DeliveryErasure}). Other user events are not this listener's business. One listener, one
 * group: a record it cannot read is dead-lettered once by the service, not once per listener. The
 * group is the one the erasure listener had before, so an upgrade resumes where it stopped instead
 * of reading {@code user-events} from the start again.
 */
@Component
@RequiredArgsConstructor
public class DeliveryCommands {

    private static final Logger log = LoggerFactory.getLogger(DeliveryCommands.class);

    /** The listener's consumer group. */
    static final String GROUP = "alert-delivery-erasure";

    private final EndpointStates endpoints;
    private final DeliveryService deliveries;
    private final DeliveryErasure erasure;

    @KafkaListener(id = "alert-delivery-commands", topics = Topics.Names.USER_EVENTS, groupId = GROUP)
    public void onUserEvent(UserEvent event) {
        switch (event) {
            case ChannelReenabled reenabled -> reenable(reenabled);
            case DeliveryReplayRequested replay -> replay(replay);
            case UserDeleted deleted -> erasure.forget(deleted);
            default -> {}
        }
    }

    private void reenable(ChannelReenabled event) {
        boolean wasDisabled = endpoints.reenable(event.channelId(), event.userId());
        log.atInfo()
                .addKeyValue("userId", event.userId())
                .addKeyValue("channelId", event.channelId())
                .addKeyValue("wasDisabled", wasDisabled)
                .log("webhook re-enabled");
    }

    private void replay(DeliveryReplayRequested event) {
        DeliveryRequest request = new DeliveryRequest(event.alert(), event.channelId(), event.channel());
        boolean attempted = deliveries.replay(request).isPresent();
        log.atInfo()
                .addKeyValue("userId", event.userId())
                .addKeyValue("alertId", event.alert().alertId())
                .addKeyValue("channelId", event.channelId())
                .addKeyValue("attempted", attempted)
                .log("delivery replay handled");
    }
}
