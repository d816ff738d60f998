package org.stockalerts.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.Poison;
import org.stockalerts.common.fixtures.PoisonAssertions;
import org.stockalerts.common.fixtures.PoisonCatalogue;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.RawKafkaClient;
import org.stockalerts.testsupport.RealInfrastructure;

/**
 * Scenario C8 for the analytics topology: every malformed record of the catalogue on
 * {@code stock-prices} goes to {@code stock-prices.DLT}, and the ticks after it still make a bar.
 */
@IntegrationTest
@SpringBootTest(properties = RealInfrastructure.DATABASE_PROPERTY + "=false")
class PoisonRecordsTest {

    @RegisterExtension
    static final RawKafkaClient RAW = RawKafkaClient.onTestBroker();

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Test
    void everyPoisonOnStockPricesIsDeadLetteredAndTheNextTicksStillMakeABar() throws Exception {
        // Given a symbol of its own and the catalogue for stock-prices
        Symbol symbol = TickDraft.uniqueSymbol("PZ");
        int partition = Topics.STOCK_PRICES.partitionOf(symbol.value());
        List<Poison> catalogue = PoisonCatalogue.of(Topics.STOCK_PRICES, "analytics-" + UUID.randomUUID());
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));

        // When the catalogue is fed to the symbol's partition, then a tick, then one of the next minute
        PoisonAssertions.feed(RAW, Topics.STOCK_PRICES, partition, catalogue);
        tick(symbol, partition, minute.plusSeconds(5), "10.00");
        tick(symbol, partition, minute.plusSeconds(65), "11.00");

        // Then the valid tick's bar is published
        try (KafkaConsumer<byte[], byte[]> reader = RAW.reader(Topics.STOCK_ANALYTICS.name())) {
            List<AnalyticsUpdated> bars = new ArrayList<>();
            await().atMost(PoisonAssertions.PATIENCE).untilAsserted(() -> {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    AnalyticsUpdated update = EventJson.read(record.value(), AnalyticsUpdated.class, record.topic());
                    if (update.symbol().equals(symbol) && update.bar() != null) {
                        bars.add(update);
                    }
                }
                assertThat(bars).isNotEmpty();
            });
            assertThat(bars.getFirst().bar().tickCount()).isEqualTo(1);
        }
        // and every poison is in stock-prices.DLT once, with its reason, and the topology never restarted
        PoisonAssertions.assertDeadLettered(RAW, Topics.STOCK_PRICES, catalogue, "analytics-consumer");
        assertThat(streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static void tick(Symbol symbol, int partition, Instant at, String price) throws Exception {
        RAW.send(
                Topics.STOCK_PRICES.name(),
                partition,
                symbol.value(),
                EventJson.write(TickDraft.tick(symbol.value(), price, at)));
    }
}
