package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TickTimeSettings;
import org.stockalerts.testsupport.MutableClock;

/** Issue #16, C9, at the source: the publisher never writes a quote dated outside the tick time bound. */
class TickPublisherTickTimeBoundTest extends ApiIntegrationTestSupport {

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Autowired
    KafkaTemplate<String, PriceTick> kafka;

    @Test
    void dropsAndCountsQuotesDatedOutsideTheBoundAndPublishesTheOthers() {
        // Given the publisher on the real broker, with the service's clock at now
        TickPublisher publisher = new TickPublisher(
                kafka, new EventIds(clock), clock, new TickTimeBound(clock, TickTimeSettings.defaults()), meters);
        Symbol symbol = Symbol.of("TP" + UUID.randomUUID().toString().substring(0, 8));
        Instant now = clock.instant();

        // When quotes dated an hour and a week ahead and a year back come in, then one of now
        publisher.publish(
                List.of(
                        quote(symbol, "150", now.plus(Duration.ofHours(1))),
                        quote(symbol, "151", now.plus(Duration.ofDays(7))),
                        quote(symbol, "152", now.minus(Duration.ofDays(365))),
                        quote(symbol, "101", now)),
                new FixedSource());
        kafka.flush();

        // Then only the quote of now is on stock-prices (written last, on the same partition as the others
        // would have been), and the three others are counted
        List<PriceTick> published = new ArrayList<>();
        try (KafkaConsumer<String, PriceTick> consumer = PricePollingIntegrationTest.consumer()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (symbol.value().equals(record.key())) {
                        published.add(record.value());
                    }
                });
                return !published.isEmpty();
            });
        }
        assertThat(published).extracting(PriceTick::observedAt).containsExactly(now);
        assertThat(meters.get(TickPublisher.REFUSED_METRIC).counter().count()).isEqualTo(3.0);
    }

    private static Quote quote(Symbol symbol, String price, Instant at) {
        return Quote.of(symbol, new BigDecimal(price), 1_000L, at);
    }

    private static final class FixedSource implements QuoteProvider {

        @Override
        public TickSource source() {
            return TickSource.ALPHAVANTAGE;
        }

        @Override
        public List<Quote> fetch(List<Symbol> symbols) {
            return List.of();
        }
    }
}
