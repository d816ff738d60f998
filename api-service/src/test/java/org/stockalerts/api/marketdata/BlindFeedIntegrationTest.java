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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.FeedStatusChanged.CatchUpSource;
import org.stockalerts.common.event.FeedStatusChanged.Problem;
import org.stockalerts.common.event.FeedStatusChanged.Status;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.kafka.JsonEventDeserializer;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TickTimeSettings;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.testsupport.MutableClock;
import org.stockalerts.testsupport.TestKafka;

/**
 * Issue #19 item 6 on the real broker: a poller whose provider stops answering a symbol publishes STALE on
 * {@code feed-status}, and when the symbol is quoted again a RESUMED with the gap's bars that the broker holds before
 * the resuming tick is even handed to the tick publisher.
 */
class BlindFeedIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(60);
    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final Symbol symbol = Symbol.of(uniqueSymbol());
    private final SilencingProvider provider = new SilencingProvider();

    @Autowired
    KafkaTemplate<String, PriceTick> ticks;

    @Autowired
    ProducerFactory<String, FeedStatusChanged> producers;

    @Test
    void aSilentSymbolGoesStaleAndItsResumeWithCatchUpIsOnTheBrokerBeforeTheResumingTick() {
        // Given a leading poller on the real broker, its symbol quoted once
        List<List<FeedStatusChanged>> onTheBrokerAtTickHandOff = new CopyOnWriteArrayList<>();
        TickPublisher tickPublisher = new TickPublisher(
                ticks,
                new EventIds(clock),
                clock,
                new TickTimeBound(clock, TickTimeSettings.defaults()),
                new SimpleMeterRegistry());
        MarketDataPoller poller = poller((quotes, source) -> {
            if (!quotes.isEmpty()) {
                onTheBrokerAtTickHandOff.add(feedStatusOnTheBroker());
            }
            tickPublisher.publish(quotes, source);
        });
        Instant lastTick = clock.instant();
        provider.next = lastTick;
        poller.cycle();

        // When the provider then says nothing for longer than the stale limit
        provider.next = null;
        clock.advance(STALE_AFTER.plusSeconds(1));
        poller.cycle();

        // Then STALE for no ticks is on feed-status, keyed by the symbol
        await().atMost(DELIVERY_LIMIT).until(() -> feedStatusOnTheBroker().size() == 1);
        FeedStatusChanged stale = feedStatusOnTheBroker().getFirst();
        assertThat(stale.status()).isEqualTo(Status.STALE);
        assertThat(stale.problem()).isEqualTo(Problem.NO_TICKS);
        assertThat(stale.lastTickAt()).isEqualTo(lastTick);

        // When the symbol is quoted again, the provider having a bar over the gap
        Instant resumedAt = clock.instant();
        provider.bar = new IntradayBar(
                lastTick.plusSeconds(60),
                lastTick.plusSeconds(120),
                new BigDecimal("100"),
                new BigDecimal("120"),
                new BigDecimal("90"),
                new BigDecimal("110"));
        provider.next = resumedAt;
        poller.cycle();

        // Then RESUMED follows STALE, with the bar's low and high as catch-up
        await().atMost(DELIVERY_LIMIT).until(() -> feedStatusOnTheBroker().size() == 2);
        FeedStatusChanged resumed = feedStatusOnTheBroker().getLast();
        assertThat(resumed.status()).isEqualTo(Status.RESUMED);
        assertThat(resumed.resumedAt()).isEqualTo(resumedAt);
        assertThat(resumed.catchUpSource()).isEqualTo(CatchUpSource.BARS);
        assertThat(resumed.catchUp())
                .extracting(FeedStatusChanged.PricePoint::price)
                .containsExactly(new BigDecimal("90"), new BigDecimal("120"));

        // And when the resuming quote reached the tick publisher, the broker already held the RESUMED (and the first
        // quote's hand-off, before the gap, saw nothing yet)
        assertThat(onTheBrokerAtTickHandOff).hasSize(2);
        assertThat(onTheBrokerAtTickHandOff.getFirst()).isEmpty();
        assertThat(onTheBrokerAtTickHandOff.getLast())
                .extracting(FeedStatusChanged::status)
                .containsExactly(Status.STALE, Status.RESUMED);

        // And both ticks, before and after the gap, are on stock-prices
        ticks.flush();
        List<PriceTick> published = new ArrayList<>();
        try (KafkaConsumer<String, PriceTick> consumer = PricePollingIntegrationTest.consumer()) {
            await().atMost(DELIVERY_LIMIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (symbol.value().equals(record.key())) {
                        published.add(record.value());
                    }
                });
                return published.size() == 2;
            });
        }
        assertThat(published).extracting(PriceTick::observedAt).containsExactly(lastTick, resumedAt);
    }

    private MarketDataPoller poller(QuotePublisher publisher) {
        KafkaTemplate<String, FeedStatusChanged> feedStatus =
                new KafkaTemplate<>(producers, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000L));
        return new MarketDataPoller(new MarketDataPoller.Parts(
                provider,
                RequestBudget.unlimited(clock),
                () -> List.of(new WatchedSymbol(symbol, Instant.MIN)),
                publisher,
                new FeedWatch(provider, MarketSession.ANY, STALE_AFTER, new EventIds(clock), clock),
                new FeedStatusPublisher(feedStatus, Duration.ofSeconds(10)),
                new Leadership() {
                    @Override
                    public boolean isLeader() {
                        return true;
                    }

                    @Override
                    public void close() {}
                },
                clock,
                Duration.ofSeconds(1),
                Duration.ofMinutes(10),
                Duration.ofMinutes(10),
                new SimpleMeterRegistry()));
    }

    /** Every feed-status record of the symbol the broker holds now, in offset order. */
    private List<FeedStatusChanged> feedStatusOnTheBroker() {
        try (KafkaConsumer<String, FeedStatusChanged> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringDeserializer(),
                new JsonEventDeserializer<>(FeedStatusChanged.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topics.FEED_STATUS.partitions(); p++) {
                partitions.add(new TopicPartition(Topics.FEED_STATUS.name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<FeedStatusChanged> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, FeedStatusChanged> record : consumer.poll(Duration.ofMillis(200))) {
                    if (symbol.value().equals(record.key())) {
                        found.add(record.value());
                    }
                }
            }
            return found;
        }
    }

    /** Quotes the symbol at {@code next} when set, else answers nothing; has {@code bar} over any gap. */
    private final class SilencingProvider implements QuoteProvider {

        volatile Instant next;
        volatile IntradayBar bar;

        @Override
        public TickSource source() {
            return TickSource.SIMULATED;
        }

        @Override
        public List<Quote> fetch(List<Symbol> symbols) {
            Instant at = next;
            return at == null || !symbols.contains(symbol)
                    ? List.of()
                    : List.of(Quote.of(symbol, new BigDecimal("105"), 1_000L, at));
        }

        @Override
        public List<IntradayBar> intradayBars(Symbol requested, Instant from, Instant to) {
            return bar == null ? List.of() : List.of(bar);
        }
    }
}
