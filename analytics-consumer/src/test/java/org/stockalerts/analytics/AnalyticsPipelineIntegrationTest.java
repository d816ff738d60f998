package org.stockalerts.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
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
        properties = {
            RealInfrastructure.DATABASE_PROPERTY + "=false",
            // its clock stands in March: a Streams application of its own, so the stream time and the
            // tick time bound of the other contexts on the broker (real clock) never meet its ticks
            "spring.kafka.streams.application-id=" + AnalyticsPipelineIntegrationTest.APPLICATION_ID
        },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AnalyticsPipelineIntegrationTest.ServiceClock.class)
class AnalyticsPipelineIntegrationTest {

    static final String APPLICATION_ID = "analytics-pipeline-test";

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** The service's clock, just after the minute of ticks the test sends: their dates are fixed. */
    private static final Instant NOW = Instant.parse("2026-03-02T14:31:30Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class ServiceClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void tickStreamOnTheBrokerYieldsCommittedMinuteBarsOnStockAnalytics() {
        // Given a symbol of its own and the service running on the real broker
        String symbol =
                "IT" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

        // When a minute of ticks, an unreadable record, ticks dated an hour and a week ahead of the
        // service's clock and a year behind it, and a tick of the next minute are produced
        tick(symbol, "2026-03-02T14:30:05Z", "100.00", 1_000L);
        tick(symbol, "2026-03-02T14:30:30Z", "102.00", 1_400L);
        kafka.send(Topics.STOCK_PRICES.name(), symbol, "{not a tick".getBytes(StandardCharsets.UTF_8));
        tick(symbol, NOW.plus(Duration.ofHours(1)).toString(), "500.00", 1_500L);
        tick(symbol, NOW.plus(Duration.ofDays(7)).toString(), "600.00", 1_600L);
        tick(symbol, NOW.minus(Duration.ofDays(365)).toString(), "5.00", 1_700L);
        tick(symbol, "2026-03-02T14:30:50Z", "101.00", 1_900L);
        tick(symbol, "2026-03-02T14:31:01Z", "103.00", 2_000L);
        kafka.flush();

        // Then a read_committed consumer sees the 14:30 bar with all three of its ticks (event time
        // did not jump to the tick dated ahead, which would have made the later ones late)
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
        // and the unreadable record and the ticks dated outside the bound went to the dead-letter topic
        // with their reasons
        assertDeadLettered(symbol);
    }

    private void assertDeadLettered(String symbol) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STOCK_PRICES.deadLetterTopic()));
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (symbol.equals(record.key())
                            && APPLICATION_ID.equals(new String(
                                    record.headers()
                                            .lastHeader(DeadLetters.CONSUMER_HEADER)
                                            .value(),
                                    StandardCharsets.UTF_8))) {
                        dead.add(record);
                    }
                });
                assertThat(dead).hasSize(4);
            });
            assertThat(dead)
                    .allSatisfy(record -> assertThat(record.headers()
                                    .lastHeader(DeadLetters.CONSUMER_HEADER)
                                    .value())
                            .asString(StandardCharsets.UTF_8)
                            .isEqualTo(APPLICATION_ID));
            assertThat(dead.subList(1, 4))
                    .extracting(record -> new String(
                            record.headers()
                                    .lastHeader(DeadLetters.REASON_HEADER)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .satisfiesExactly(
                            reason -> assertThat(reason).contains("is PT1H ahead of now"),
                            reason -> assertThat(reason).contains("is PT168H ahead of now"),
                            reason -> assertThat(reason).contains("older than now"));
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
