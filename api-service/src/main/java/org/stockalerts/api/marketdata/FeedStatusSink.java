package org.stockalerts.api.marketdata;

import org.stockalerts.common.event.FeedStatusChanged;

/** Where the poller sends the changes of a feed's status ({@link FeedWatch}). */
@FunctionalInterface
public interface FeedStatusSink {

    /** Sends {@code change} and waits for the broker to take it; whether it did. */
    boolean publish(FeedStatusChanged change);
}
