package org.stockalerts.api.marketdata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.ops.LastTick;

/**
 * Turns new quotes into {@link PriceTick}s on {@code stock-prices}, keyed by symbol, through the
 * idempotent producer. A quote equal to the last one of its symbol is dropped; a quote whose send
 * fails is forgotten, so the next poll publishes it again. A quote dated outside the {@link
 * TickTimeBound} is not published at all (logged and counted in {@value #REFUSED_METRIC}): every
 * consumer would dead-letter it anyway.
 */
public final class TickPublisher implements QuotePublisher {

    /** Counter of the ticks sent to Kafka, tagged {@code source} and {@code outcome} ({@code published}, {@code failed}). */
    public static final String PUBLISHED_METRIC = "stockalerts.ticks.published";

    /** Counter of quotes not published for being dated outside the tick time bound. */
    public static final String REFUSED_METRIC = "stockalerts.marketdata.ticks.refused";

    private static final Logger log = LoggerFactory.getLogger(TickPublisher.class);

    private final KafkaTemplate<String, PriceTick> kafka;
    private final EventIds eventIds;
    private final Clock clock;
    private final TickTimeBound bound;
    private final Counter refused;
    private final MeterRegistry meters;
    private final LastTick lastTick;
    private final ChangeFilter changes = new ChangeFilter();

    public TickPublisher(
            KafkaTemplate<String, PriceTick> kafka,
            EventIds eventIds,
            Clock clock,
            TickTimeBound bound,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.eventIds = eventIds;
        this.clock = clock;
        this.bound = bound;
        this.refused = Counter.builder(REFUSED_METRIC)
                .description("Quotes not published for being dated outside the tick time bound")
                .register(meters);
        this.meters = meters;
        // every series at zero from the start, so a dashboard sees them before the first tick
        for (TickSource source : TickSource.values()) {
            for (String outcome : List.of("published", "failed")) {
                published(source, outcome);
            }
        }
        this.lastTick =
                new LastTick(meters, "When the market-data poller last published a tick, seconds since the epoch");
    }

    @Override
    public void publish(List<Quote> quotes, QuoteProvider provider) {
        for (Quote quote : quotes) {
            Optional<String> refusal = bound.refusal(quote.observedAt());
            if (refusal.isPresent()) {
                refused.increment();
                log.atWarn()
                        .addKeyValue("symbol", quote.symbol())
                        .addKeyValue("source", provider.source())
                        .addKeyValue("observedAt", quote.observedAt())
                        .log("quote not published: {}", refusal.get());
                continue;
            }
            if (!changes.changed(quote)) {
                continue;
            }
            PriceTick tick = toTick(quote, provider);
            kafka.send(Topics.STOCK_PRICES.name(), quote.symbol().value(), tick).whenComplete((result, failure) -> {
                published(provider.source(), failure == null ? "published" : "failed")
                        .increment();
                if (failure == null) {
                    lastTick.mark();
                } else {
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

    private Counter published(TickSource source, String outcome) {
        return Counter.builder(PUBLISHED_METRIC)
                .description("Ticks sent to Kafka, by source and outcome")
                .tag("source", source.name())
                .tag("outcome", outcome)
                .register(meters);
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
