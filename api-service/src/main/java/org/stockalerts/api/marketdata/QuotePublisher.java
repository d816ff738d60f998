package org.stockalerts.api.marketdata;

import java.util.List;

/** Where the poller hands the quotes it fetched. */
@FunctionalInterface
public interface QuotePublisher {

    /** Publishes those of {@code quotes} that differ from the last one published for their symbol. */
    void publish(List<Quote> quotes, QuoteProvider provider);
}
