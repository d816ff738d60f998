package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.stockalerts.common.config.StockAlertsCommonConfiguration;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.Event;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.RealInfrastructure;
import org.stockalerts.testsupport.TestKafka;

/**
 * The shared Kafka plumbing against a real broker: topics created at start-up, every event type out
 * through the services' producer configuration and back through their consumer configuration, and
 * a malformed record dead-lettered while the next valid one is still processed.
 */
@IntegrationTest
@SpringBootTest(
        classes = KafkaPlumbingIntegrationTest.PlumbingApp.class,
        properties = {
            RealInfrastructure.DATABASE_PROPERTY + "=false",
            "spring.application.name=plumbing-test",
            "spring.kafka.consumer.group-id=plumbing-test",
            "spring.kafka.consumer.auto-offset-reset=earliest",
            "stockalerts.kafka.listener-retry-backoff=50ms"
        })
class KafkaPlumbingIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T15:30:00.123456Z");

    @Autowired
    KafkaTemplate<Object, Object> template;

    @Autowired
    ProducerFactory<Object, Object> producerFactory;

    @Autowired
    ConsumerFactory<Object, Object> consumerFactory;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    ReceivedTicks receivedTicks;

    @Test
    void createsEveryTopicAndItsDeadLetterTopicWithDeclaredPartitionsAndConfigs() throws Exception {
        // Given the application started (KafkaAdmin created the declared topics)
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            // When the broker describes them
            List<String> names = new ArrayList<>();
            Topics.ALL.forEach(topic -> {
                names.add(topic.name());
                names.add(topic.deadLetterTopic());
            });
            Map<String, TopicDescription> described =
                    client.describeTopics(names).allTopicNames().get();
            ConfigResource rules = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ALERT_RULES.name());
            Config rulesConfig =
                    client.describeConfigs(List.of(rules)).all().get().get(rules);

            // Then each has the partition count declared in Topics, and alert-rules is compacted
            for (TopicSpec<?> topic : Topics.ALL) {
                assertThat(described.get(topic.name()).partitions()).hasSize(topic.partitions());
                assertThat(described.get(topic.deadLetterTopic()).partitions()).hasSize(topic.partitions());
            }
            assertThat(rulesConfig.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void producersAreIdempotentWithAcksAll() {
        // Given the producer factory every service gets
        Map<String, Object> config = producerFactory.getConfigurationProperties();

        // Then it guarantees idempotence and waits for all in-sync replicas
        assertThat(config)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void everyEventTypeTravelsThroughTheServicesProducerAndConsumerConfiguration() throws Exception {
        // Given one event of every type, each on the topic that carries it
        Map<UUID, Event> sent = new HashMap<>();
        Map<UUID, String> topicOf = new HashMap<>();
        for (Sample sample : samples()) {
            sent.put(sample.event().eventId(), sample.event());
            topicOf.put(sample.event().eventId(), sample.topic().name());
            // When it is sent with the services' template
            template.send(sample.topic().name(), sample.key(), sample.event()).get();
        }

        // Then a consumer built from the services' consumer factory reads every one back, equal
        Map<UUID, Object> received = new HashMap<>();
        try (Consumer<Object, Object> consumer =
                consumerFactory.createConsumer("roundtrip-" + UUID.randomUUID(), null)) {
            consumer.subscribe(Topics.ALL.stream().map(TopicSpec::name).toList());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<Object, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof Event event && sent.containsKey(event.eventId())) {
                        assertThat(record.topic()).isEqualTo(topicOf.get(event.eventId()));
                        received.put(event.eventId(), event);
                    }
                }
                assertThat(received).hasSameSizeAs(sent);
            });
        }
        assertThat(received).containsExactlyInAnyOrderEntriesOf(sent);
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndTheNextValidRecordIsStillProcessed() throws Exception {
        // Given a registry in Micrometer's global one, as Spring Boot binds a service's
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        // And a malformed record followed by a valid tick on the same key (same partition)
        PriceTick valid = TickDraft.tick("DLTX", "101.25", NOW);
        byte[] malformed = "{\"eventId\":\"not-json".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> raw = rawProducer()) {
            byte[] key = "DLTX".getBytes(StandardCharsets.UTF_8);
            // When a raw producer writes both
            raw.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), key, malformed))
                    .get();
            raw.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), key, EventJson.write(valid)))
                    .get();
        }

        // Then the listener still receives the valid tick
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(receivedTicks.ticks()).contains(valid));

        // And the malformed one sits in stock-prices.DLT, as written, with the reason and the consumer
        try (KafkaConsumer<byte[], byte[]> dlt = rawConsumer()) {
            dlt.subscribe(List.of(Topics.STOCK_PRICES.deadLetterTopic()));
            List<ConsumerRecord<byte[], byte[]>> dead = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(dead::add);
                assertThat(dead).anySatisfy(record -> assertThat(record.value()).isEqualTo(malformed));
            });
            ConsumerRecord<byte[], byte[]> record = dead.stream()
                    .filter(r -> java.util.Arrays.equals(r.value(), malformed))
                    .findFirst()
                    .orElseThrow();
            assertThat(header(record, DeadLetters.REASON_HEADER))
                    .startsWith("malformed record on stock-prices partition " + record.partition() + " offset ")
                    .contains("not a valid PriceTick");
            assertThat(header(record, DeadLetters.CONSUMER_HEADER)).isEqualTo("plumbing-test");
            assertThat(header(record, "kafka_dlt-original-consumer-group")).isEqualTo("plumbing-listener");
        } finally {
            Metrics.removeRegistry(meters);
        }

        // And the dead letter was counted for its dead-letter topic
        assertThat(meters.get(DeadLetters.WRITES_METRIC)
                        .tag("topic", Topics.STOCK_PRICES.deadLetterTopic())
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private record Sample(TopicSpec<?> topic, String key, Event event) {}

    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(Topics.STOCK_PRICES, "AAPL", EventSamples.tick()));
        AlertRuleChanged rule = EventSamples.ruleChanged(Condition.CROSSES_UP);
        samples.add(new Sample(Topics.ALERT_RULES, rule.rule().ruleId().toString(), rule));
        for (UserEvent event : EventSamples.userEvents()) {
            samples.add(new Sample(Topics.USER_EVENTS, event.userId().toString(), event));
        }
        AlertTriggered alert = EventSamples.alert();
        samples.add(new Sample(Topics.ALERTS_TRIGGERED, alert.userId().toString(), alert));
        samples.add(new Sample(Topics.STOCK_ANALYTICS, "AAPL", EventSamples.analytics(Duration.ofMinutes(1))));
        return samples;
    }

    private static UUID id() {
        return UUID.randomUUID();
    }

    private static KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> rawConsumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dlt-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Ticks the test listener received through the shared container factory. */
    static class ReceivedTicks {

        private final List<PriceTick> ticks = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "stock-prices", groupId = "plumbing-listener")
        void on(PriceTick tick) {
            ticks.add(tick);
        }

        List<PriceTick> ticks() {
            return ticks;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(StockAlertsCommonConfiguration.class)
    static class PlumbingApp {

        @Bean
        ReceivedTicks receivedTicks() {
            return new ReceivedTicks();
        }
    }
}
