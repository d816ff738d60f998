package org.stockalerts.api.live;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import org.stockalerts.common.kafka.DeadLetters;

/**
 * What the live readers do with a record they cannot read: skip it at once, log why and count it
 * ({@value #SKIPPED}, tagged by topic). They do not dead-letter: every API instance reads every
 * record without a consumer group, so each would write its own copy, while the grouped consumers of
 * the same topics (persistence-consumer, the delivery fan-out, the rule-status listener) already
 * dead-letter it once. A live reader never retries: it holds no state a retry could fix. Nor does it
 * seek back after a skip: the rest of the poll is handed on as it is, so a burst of bad records (a
 * producer whose clock runs fast) costs no re-fetch per record and the stream does not fall behind.
 */
final class LivePoison {

    /** Counter of records the live readers skipped. */
    static final String SKIPPED = "stockalerts.live.skipped";

    private static final Logger log = LoggerFactory.getLogger(LivePoison.class);

    private LivePoison() {}

    static DefaultErrorHandler skipping(MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, exception) -> {
                    log.atWarn()
                            .addKeyValue("topic", record.topic())
                            .addKeyValue("partition", record.partition())
                            .addKeyValue("offset", record.offset())
                            .log("live reader skipped a record: {}", DeadLetters.reason(record, exception));
                    meters.counter(SKIPPED, "topic", record.topic()).increment();
                },
                new FixedBackOff(0, 0));
        handler.setAckAfterHandle(false);
        handler.setSeekAfterError(false);
        return handler;
    }
}
