package org.stockalerts.api.marketdata;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.kafka.Topics;

/**
 * Turns new quotes into {@link PriceTick}s on {@code stock-prices}, keyed by symbol, through the
 * idempotent producer. A quote equal to the last one of its symbol is dropped; a quote whose send
 * fails is forgotten, so the next poll publishes it again.
 */
public final class TickPublisher implements QuotePublisher {

    private static final Logger log = LoggerFactory.getLogger(TickPublisher.class);

    private final KafkaTemplate<String, PriceTick> kafka;
    private final EventIds eventIds;
    private final Clock clock;
    private final ChangeFilter changes = new ChangeFilter();

    public TickPublisher(KafkaTemplate<String, PriceTick> kafka, EventIds eventIds, Clock clock) {
        this.kafka = kafka;
        this.eventIds = eventIds;
        this.clock = clock;
    }

    @Override
    public void publish(List<Quote> quotes, QuoteProvider provider) {
        for (Quote quote : quotes) {
            if (!changes.changed(quote)) {
                continue;
            }
            PriceTick tick = toTick(quote, provider);
            kafka.send(Topics.STOCK_PRICES.name(), quote.symbol().value(), tick).whenComplete((result, failure) -> {
                if (failure != null) {
                    changes.forget(quote);
                    log.atWarn()
                            .addKeyValue("symbol", quote.symbol())
                            .addKeyValue("eventId", tick.eventId())
                            .addKeyValue("error", failure.getMessage())
                            .log("price tick not published");
                }
            });
        }
    }

    private PriceTick toTick(Quote quote, QuoteProvider provider) {
        return new PriceTick(
                eventIds.next(),
                clock.instant(),
                PriceTick.CURRENT_VERSION,
                quote.symbol(),
                quote.price(),
                quote.volume(),
                quote.open(),
                quote.high(),
                quote.low(),
                quote.previousClose(),
                provider.source(),
                quote.observedAt());
    }
}
