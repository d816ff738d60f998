package org.stockalerts.alerting.delivery;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.UserDeleted;

/**
 * Forgets a deleted user's deliveries (attempts, parked retries, held deliveries, webhook states) and feed notices
 * when their {@code UserDeleted} arrives on {@code user-events} ({@link DeliveryCommands} reads it).
 * Their channels need nothing here: the delivery service reads them from the API's table, which the
 * API has already emptied. A delivery task still in flight for the user finds no channel and is logged
 * as skipped, under the user's id only.
 */
@Component
@RequiredArgsConstructor
public class DeliveryErasure {

    private static final Logger log = LoggerFactory.getLogger(DeliveryErasure.class);

    private final DeliveryLog deliveryLog;
    private final ParkedRetries retries;
    private final EndpointStates endpoints;
    private final HeldDeliveries held;
    private final FeedNoticeLog feedNotices;

    void forget(UserDeleted deleted) {
        int attempts = deliveryLog.forget(deleted.userId());
        retries.forget(deleted.userId());
        endpoints.forget(deleted.userId());
        held.forget(deleted.userId());
        int notices = feedNotices.forget(deleted.userId());
        log.atInfo()
                .addKeyValue("userId", deleted.userId())
                .addKeyValue("attempts", attempts)
                .addKeyValue("feedNotices", notices)
                .log("deleted user's delivery log erased");
    }
}
