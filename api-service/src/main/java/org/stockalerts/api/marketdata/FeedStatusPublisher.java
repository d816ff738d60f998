package org.stockalerts.api.marketdata;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.kafka.Topics;

/**
 * Sends {@link FeedStatusChanged} to {@code feed-status}, keyed by symbol, and waits for the broker's
 * acknowledgement, at most the send timeout: the poller publishes a resumed feed's next ticks only after its catch-up
 * is on the broker, so the engine sees the catch-up first. The template's {@code max.block.ms} is the same timeout, so
 * an unreachable broker fails the send rather than blocking the poller.
 */
public final class FeedStatusPublisher implements FeedStatusSink {

    private static final Logger log = LoggerFactory.getLogger(FeedStatusPublisher.class);

    private final KafkaTemplate<String, FeedStatusChanged> kafka;
    private final Duration timeout;

    public FeedStatusPublisher(KafkaTemplate<String, FeedStatusChanged> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    @Override
    public boolean publish(FeedStatusChanged change) {
        try {
            kafka.send(Topics.FEED_STATUS.name(), change.symbol().value(), change)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(change, "interrupted");
        } catch (ExecutionException e) {
            return failed(change, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return failed(change, "no acknowledgement within " + timeout);
        } catch (RuntimeException e) {
            // the template throws at once when the producer cannot take the record (metadata, buffer)
            return failed(change, e.toString());
        }
    }

    private static boolean failed(FeedStatusChanged change, String reason) {
        log.atWarn()
                .addKeyValue("symbol", change.symbol())
                .addKeyValue("eventId", change.eventId())
                .addKeyValue("status", change.status())
                .addKeyValue("error", reason)
                .log("feed status not published; sent again at the next poll");
        return false;
    }
}
