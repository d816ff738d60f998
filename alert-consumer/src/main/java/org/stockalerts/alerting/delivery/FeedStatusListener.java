package org.stockalerts.alerting.delivery;

import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.kafka.Topics;

/**
 * Reads {@code feed-status} in a group of its own and hands each event to {@link FeedNotices}. A record it cannot
 * read goes to {@code feed-status.DLT}, and a database outage is waited out in place, by the shared listener error
 * handler ({@link DatabaseOutageRetries}).
 */
@Component
@RequiredArgsConstructor
public class FeedStatusListener {

    /** The listener's consumer group. */
    static final String GROUP = "alert-feed-notices";

    private final FeedNotices notices;

    @KafkaListener(id = GROUP, topics = Topics.Names.FEED_STATUS, groupId = GROUP)
    public void onFeedStatus(FeedStatusChanged event) {
        notices.tell(event);
    }
}
