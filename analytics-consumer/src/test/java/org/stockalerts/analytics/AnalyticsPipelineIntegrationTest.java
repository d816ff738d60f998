package org.stockalerts.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.common.kafka.JsonEventDeserializer;
import org.stockalerts.common.kafka.StockAlertsKafkaConfiguration;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.RealInfrastructure;
import org.stockalerts.testsupport.TestKafka;

/**
 * The running service on the real broker: ticks in on {@code stock-prices}, committed
 * {@code AnalyticsUpdated} out on {@code stock-analytics}. That those events become rows in
 * {@code stock_analytics} is the persistence consumer's part, checked by the end-to-end test.
 */
@IntegrationTest
@SpringBootTest(
        properties = RealInfrastructure.DATABASE_PROPERTY + "=false",
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsPipelineIntegrationTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void tickStreamOnTheBrokerYieldsCommittedMinuteBarsOnStockAnalytics() {
        // Given a symbol of its own and the service running on the real broker
        String symbol =
                "IT" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

        // When a minute of ticks, an unreadable record, and a tick of the next minute are produced
        tick(symbol, "2026-03-02T14:30:05Z", "100.00", 1_000L);
        tick(symbol, "2026-03-02T14:30:30Z", "102.00", 1_400L);
        kafka.send(Topics.STOCK_PRICES.name(), symbol, "{not a tick".getBytes(StandardCharsets.UTF_8));
        tick(symbol, "2026-03-02T14:30:50Z", "101.00", 1_900L);
        tick(symbol, "2026-03-02T14:31:01Z", "103.00", 2_000L);
        kafka.flush();

        // Then a read_committed consumer sees the 14:30 bar with all three of its ticks
        List<AnalyticsUpdated> updates = new ArrayList<>();
        try (KafkaConsumer<String, AnalyticsUpdated> consumer =
                consumer(new JsonEventDeserializer<>(AnalyticsUpdated.class))) {
            consumer.subscribe(List.of(Topics.STOCK_ANALYTICS.name()));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, AnalyticsUpdated> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(symbol)) {
                        updates.add(record.value());
                    }
                }
                assertThat(updates).isNotEmpty();
            });
        }
        AnalyticsUpdated bar = updates.getFirst();
        assertThat(updates).hasSize(1);
        assertThat(bar.interval()).isEqualTo(MINUTE);
        assertThat(bar.bar().windowStart()).isEqualTo(Instant.parse("2026-03-02T14:30:00Z"));
        assertThat(bar.bar().open()).isEqualByComparingTo("100.00");
        assertThat(bar.bar().high()).isEqualByComparingTo("102.00");
        assertThat(bar.bar().low()).isEqualByComparingTo("100.00");
        assertThat(bar.bar().close()).isEqualByComparingTo("101.00");
        assertThat(bar.bar().tickCount()).isEqualTo(3);
        assertThat(bar.bar().volume()).isEqualTo(900);
        // and the unreadable record went to the dead-letter topic with its reason
        assertDeadLettered(symbol);
    }

    private void assertDeadLettered(String symbol) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STOCK_PRICES.deadLetterTopic()));
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (symbol.equals(record.key())) {
                        dead.add(record);
                    }
                });
                assertThat(dead).hasSize(1);
            });
            assertThat(dead.getFirst()
                            .headers()
                            .lastHeader(DeadLetters.CONSUMER_HEADER)
                            .value())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("analytics-consumer");
        }
    }

    private void tick(String symbol, String at, String price, long volume) {
        PriceTick tick = TickDraft.tick(symbol, price, Instant.parse(at), volume);
        kafka.send(Topics.STOCK_PRICES.name(), symbol, tick);
    }

    private static <V> KafkaConsumer<String, V> consumer(Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>(StockAlertsKafkaConfiguration.CONSUMER_GUARANTEES);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "analytics-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }
}
