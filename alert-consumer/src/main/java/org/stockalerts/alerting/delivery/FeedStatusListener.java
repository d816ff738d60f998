package org.stockalerts.alerting.delivery;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.kafka.Topics;

/**
 * Reads {@code feed-status} in a group of its own and hands each event to {@link FeedNotices}. A record it cannot
 * read goes to {@code feed-status.DLT}, and a database outage is waited out in place, by the shared listener error
 * handler ({@link DatabaseOutageRetries}).
 *
 * <p>It polls one record at a time: a record's sends go user by user and channel by channel, each taking up to the
 * channel's timeouts, and all the records of one poll must be handled within {@code max.poll.interval.ms} (Kafka's 5
 * minutes) or the consumer is dropped from its group. A burst (a spent quota makes every polled symbol stale at once)
 * is then no longer one poll's work; docs/delivery.md, "Feed notices", gives the limit per record.
 */
@Component
@RequiredArgsConstructor
public class FeedStatusListener {

    /** The listener's consumer group. */
    static final String GROUP = "alert-feed-notices";

    /** The consumer's records per poll: one, as above. */
    static final String ONE_RECORD_PER_POLL = ConsumerConfig.MAX_POLL_RECORDS_CONFIG + "=1";

    private final FeedNotices notices;

    @KafkaListener(id = GROUP, topics = Topics.Names.FEED_STATUS, groupId = GROUP, properties = ONE_RECORD_PER_POLL)
    public void onFeedStatus(FeedStatusChanged event) {
        notices.tell(event);
    }
}
