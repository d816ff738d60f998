package org.stockalerts.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockalerts.analytics.AnalyticsSettings;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Bar;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.JsonEventDeserializer;
import org.stockalerts.common.kafka.JsonEventSerializer;
import org.stockalerts.common.kafka.KafkaSettings;
import org.stockalerts.common.kafka.StockAlertsKafkaConfiguration;
import org.stockalerts.common.kafka.StockAlertsStreamsConfiguration;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TickTimeSettings;
import org.stockalerts.common.kafka.TicksBySymbol;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.ConsumerProgress;
import org.stockalerts.testsupport.MisplacingPartitioner;
import org.stockalerts.testsupport.TestKafka;

/**
 * On the real broker, the topology alone (in a JVM and on a broker of its own, see the pom): the
 * same tick sequences written three ways, as a Java producer writes them (keyed by symbol, on the
 * symbol's partition), keyed by symbol by a partitioner that never picks that partition, and
 * keyless round-robin over every partition, make the same minute bars. Ticks are sent a step at a
 * time, each step processed before the next, as a live feed's are.
 */
class AnalyticsTicksFromAnyProducerIntegrationTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant BAR_START = Instant.parse("2026-03-02T14:30:00Z");
    private static final int GROUPS = 4;
    private static final int STEPS_IN_BAR = 10;

    @TempDir
    Path stateDir;

    private final String applicationId = "analytics-any-producer-test-" + UUID.randomUUID();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private KafkaStreams analytics;

    @AfterEach
    void stop() {
        if (analytics != null) {
            analytics.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void ticksOnAnyPartitionWithAnyKeyMakeTheBarsOfCorrectlyPartitionedTicks() throws Exception {
        // Given the topology on the broker
        String bootstrap = TestKafka.bootstrapServers();
        createTopics(bootstrap);
        analytics = start(bootstrap);
        await().atMost(Duration.ofSeconds(60)).until(() -> analytics.state() == KafkaStreams.State.RUNNING);

        // When each of four random walks is written for three symbols: by Java's partitioner, by one
        // that never picks the symbol's partition, and keyless over every partition in turn
        Random random = new Random(25);
        BigDecimal[] prices = new BigDecimal[GROUPS];
        try (KafkaProducer<String, Object> java = producer(bootstrap, Map.of());
                KafkaProducer<String, Object> other = producer(
                        bootstrap, Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, MisplacingPartitioner.class))) {
            for (int step = 0; step < STEPS_IN_BAR + 2; step++) {
                Instant at = step < STEPS_IN_BAR
                        ? BAR_START.plusSeconds(2 + step * 5L)
                        : BAR_START.plus(MINUTE).plusSeconds(5L * (step - STEPS_IN_BAR + 1));
                long volume = 10_000 + step * 100L + random.nextInt(100);
                for (int group = 0; group < GROUPS; group++) {
                    prices[group] = (prices[group] == null ? BigDecimal.valueOf(100) : prices[group])
                            .add(BigDecimal.valueOf(random.nextInt(9) - 4, 1));
                    String price = prices[group].toPlainString();
                    send(java, "R" + group, "R" + group, at, price, volume);
                    send(other, "M" + group, "M" + group, at, price, volume);
                    send(other, null, "K" + group, at, price, volume);
                }
                java.flush();
                other.flush();
                await().atMost(Duration.ofSeconds(60)).until(() -> processed(bootstrap));
            }
        }

        // Then each symbol's 14:30 bar holds its ten ticks, and the bars of the misplaced and the
        // keyless ticks equal those of the correctly partitioned ones
        Map<String, Bar> bars = minuteBars(bootstrap, 3 * GROUPS);
        for (int group = 0; group < GROUPS; group++) {
            Bar reference = bars.get("R" + group);
            assertThat(reference.tickCount()).isEqualTo(STEPS_IN_BAR);
            assertThat(bars.get("M" + group)).as("misplaced M%d", group).isEqualTo(reference);
            assertThat(bars.get("K" + group)).as("keyless K%d", group).isEqualTo(reference);
        }
        // and every misplaced tick was re-routed (the keyless ones that landed elsewhere too)
        assertThat(meters.get(TicksBySymbol.REROUTED_METRIC).counter().count())
                .isGreaterThan(GROUPS * (STEPS_IN_BAR + 2));
    }

    private boolean processed(String bootstrap) throws Exception {
        return ConsumerProgress.caughtUp(bootstrap, applicationId, Topics.STOCK_PRICES.name())
                && ConsumerProgress.caughtUp(
                        bootstrap,
                        applicationId,
                        applicationId + "-" + AnalyticsTopology.TICKS_BY_SYMBOL + "-repartition");
    }

    /** The latest 14:30 minute bar of each of {@code symbols} symbols, once all have one. */
    private Map<String, Bar> minuteBars(String bootstrap, int symbols) {
        Map<String, Bar> bars = new HashMap<>();
        Map<String, Object> config = new HashMap<>(StockAlertsKafkaConfiguration.CONSUMER_GUARANTEES);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "analytics-any-producer-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, AnalyticsUpdated> consumer = new KafkaConsumer<>(
                config, new StringDeserializer(), new JsonEventDeserializer<>(AnalyticsUpdated.class))) {
            consumer.subscribe(List.of(Topics.STOCK_ANALYTICS.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    AnalyticsUpdated update = record.value();
                    // (only this test's symbols: another test of the JVM may have a 14:30 bar too)
                    if (update.interval().equals(MINUTE)
                            && update.bar().windowStart().equals(BAR_START)
                            && update.symbol().value().matches("[RMK][0-9]+")) {
                        bars.put(update.symbol().value(), update.bar());
                    }
                });
                return bars.size() == symbols;
            });
        }
        return bars;
    }

    private KafkaStreams start(String bootstrap) {
        Properties properties = new Properties();
        StockAlertsStreamsConfiguration.defaults(
                        new KafkaSettings((short) 1, false, 0, Duration.ZERO, Duration.ofSeconds(10)))
                .forEach(properties::put);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        KafkaStreams streams = new KafkaStreams(
                AnalyticsTopology.build(
                        AnalyticsSettings.defaults(),
                        meters,
                        // the service's clock just after the ticks' (fixed, historical) bars
                        new TickTimeBound(
                                Clock.fixed(BAR_START.plus(Duration.ofHours(1)), ZoneOffset.UTC),
                                TickTimeSettings.defaults())),
                properties);
        streams.start();
        return streams;
    }

    private static void send(
            KafkaProducer<String, Object> producer, String key, String symbol, Instant at, String price, long volume) {
        producer.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), key, TickDraft.tick(symbol, price, at, volume)));
    }

    private static KafkaProducer<String, Object> producer(String bootstrap, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(StockAlertsKafkaConfiguration.PRODUCER_GUARANTEES);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new JsonEventSerializer<>());
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> topics = new ArrayList<>();
            for (var topic : List.of(Topics.STOCK_PRICES, Topics.STOCK_ANALYTICS)) {
                for (String name : List.of(topic.name(), topic.deadLetterTopic())) {
                    if (!existing.contains(name)) {
                        topics.add(new NewTopic(name, topic.partitions(), (short) 1));
                    }
                }
            }
            admin.createTopics(topics).all().get();
        }
    }
}
