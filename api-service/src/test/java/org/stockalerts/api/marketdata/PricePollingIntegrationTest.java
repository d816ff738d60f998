package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.JsonEventDeserializer;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.TestKafka;

/** The whole service against the real broker and database: a held symbol gets polled and published. */
class PricePollingIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(60);

    @Autowired
    JdbcTemplate database;

    @Autowired
    MarketDataPoller poller;

    @Test
    void symbolHeldInAPortfolioIsPolledAndItsTickLandsOnTheBrokerKeyedBySymbol() {
        // Given a user holding a symbol nobody else watches
        Symbol symbol = Symbol.of("P" + UUID.randomUUID().toString().substring(0, 8));
        holdInNewPortfolio(symbol);

        // When the poller re-reads the watched symbols
        poller.refreshSymbolsSoon();

        // Then a simulated PriceTick for it arrives on stock-prices, keyed by the symbol
        try (KafkaConsumer<String, PriceTick> consumer = consumer()) {
            List<ConsumerRecord<String, PriceTick>> received = new ArrayList<>();
            await().atMost(DELIVERY_LIMIT).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (symbol.value().equals(record.key())) {
                        received.add(record);
                    }
                });
                return !received.isEmpty();
            });
            PriceTick tick = received.getFirst().value();
            assertThat(tick.symbol()).isEqualTo(symbol);
            assertThat(tick.source()).isEqualTo(TickSource.SIMULATED);
            assertThat(tick.price()).isPositive();
            assertThat(tick.previousClose()).isNotNull();
        }
    }

    @Test
    void excludedSymbolIsNotWatchedAlthoughHeldAndExtraSymbolIs() {
        // Given two held symbols, one of them fed by another producer and so excluded, and an extra one
        Symbol fedElsewhere = Symbol.of("X" + UUID.randomUUID().toString().substring(0, 8));
        Symbol held = Symbol.of("H" + UUID.randomUUID().toString().substring(0, 8));
        Symbol extra = Symbol.of("E" + UUID.randomUUID().toString().substring(0, 8));
        holdInNewPortfolio(fedElsewhere);
        holdInNewPortfolio(held);

        // When the watched symbols are read from the database
        List<Symbol> watched = new WatchedSymbols(database, List.of(extra), Set.of(fedElsewhere))
                .watchedSymbols().stream().map(WatchedSymbol::symbol).toList();

        // Then the excluded one is left out, the others are there
        assertThat(watched).contains(held, extra).doesNotContain(fedElsewhere);
        assertThat(new WatchedSymbols(database, List.of(), Set.of())
                        .watchedSymbols().stream().map(WatchedSymbol::symbol))
                .contains(fedElsewhere, held);
    }

    private void holdInNewPortfolio(Symbol symbol) {
        Timestamp now = Timestamp.from(Instant.now());
        UUID user = UUID.randomUUID();
        UUID portfolio = UUID.randomUUID();
        database.update(
                "INSERT INTO api.users (id, name, created_at, updated_at) VALUES (?, 'poll', ?, ?)", user, now, now);
        database.update(
                "INSERT INTO api.portfolios (id, user_id, name, created_at, updated_at) VALUES (?, ?, 'p', ?, ?)",
                portfolio,
                user,
                now,
                now);
        database.update("""
                INSERT INTO api.holdings (id, portfolio_id, symbol, quantity, average_cost, created_at, updated_at)
                VALUES (?, ?, ?, 10, 100, ?, ?)
                """, UUID.randomUUID(), portfolio, symbol.value(), now, now);
    }

    /** A read_committed reader of every partition of {@code stock-prices} from the beginning. */
    static KafkaConsumer<String, PriceTick> consumer() {
        KafkaConsumer<String, PriceTick> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new JsonEventDeserializer<>(PriceTick.class));
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.STOCK_PRICES.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.STOCK_PRICES.name(), p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
