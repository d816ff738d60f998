package org.stockalerts.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.event.UserRegistered;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.fixtures.AnalyticsDraft;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.fixtures.PoisonAssertions;
import org.stockalerts.common.fixtures.PoisonAssertions.Fed;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.ConsumerProgress;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.RawKafkaClient;
import org.stockalerts.testsupport.TestKafka;
import org.stockalerts.testsupport.WithServiceSchemas;

/**
 * Scenario C8 for every consumer in alert-consumer: the engine (Kafka Streams, application
 * {@value #ENGINE}) on its four topics, the delivery fan-out on {@code alerts-triggered}, the
 * delivery commands listener on {@code user-events} and the feed notices listener on {@code feed-status}. Each dead-letters exactly the catalogue's malformed
 * records, with their reasons, and commits past the valid record after them; the engine never
 * restarts.
 */
@IntegrationTest
@SpringBootTest
@WithServiceSchemas("api")
class PoisonRecordsTest {

    private static final String ENGINE = "alert-engine";
    private static final String SERVICE = "alert-consumer";

    @RegisterExtension
    static final RawKafkaClient RAW = RawKafkaClient.onTestBroker();

    @Autowired
    StreamsBuilderFactoryBean streams;

    /** A consumer of a topic: its group, the name in its dead letters, and a valid record for it. */
    record Consumer(String name, TopicSpec<?> topic, String group, String deadLetteredBy, String key, Object valid) {
        @Override
        public String toString() {
            return name + " on " + topic;
        }
    }

    static Stream<Consumer> consumers() {
        Symbol symbol = TickDraft.uniqueSymbol("PZ");
        PriceTick tick = TickDraft.tick(symbol.value(), "10.00", Instant.now());
        AlertRuleChanged rule = new AlertRuleChanged(
                UUID.randomUUID(),
                Instant.now(),
                AlertRuleChanged.CURRENT_VERSION,
                RuleDraft.level(Condition.PRICE_ABOVE, "1000.00")
                        .id(UUID.randomUUID())
                        .user(UUID.randomUUID())
                        .on(symbol)
                        .build());
        UserRegistered registered =
                EventSamples.registered(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "Ada", "ada@example.com");
        AnalyticsUpdated bar = AnalyticsDraft.closed(symbol, Duration.ofMinutes(1), Instant.now())
                .build();
        AlertTriggered alert = AlertDraft.alert().user(UUID.randomUUID()).build();
        FeedStatusChanged stale = FeedStatusChanged.stale(
                UUID.randomUUID(),
                Instant.now(),
                symbol,
                FeedStatusChanged.Problem.NO_TICKS,
                TickSource.SIMULATED,
                null,
                Instant.now());
        return Stream.of(
                new Consumer("engine", Topics.STOCK_PRICES, ENGINE, ENGINE, symbol.value(), tick),
                new Consumer(
                        "engine",
                        Topics.ALERT_RULES,
                        ENGINE,
                        ENGINE,
                        rule.rule().ruleId().toString(),
                        rule),
                new Consumer(
                        "engine",
                        Topics.USER_EVENTS,
                        ENGINE,
                        ENGINE,
                        registered.userId().toString(),
                        registered),
                new Consumer("engine", Topics.STOCK_ANALYTICS, ENGINE, ENGINE, symbol.value(), bar),
                new Consumer(
                        "delivery fan-out",
                        Topics.ALERTS_TRIGGERED,
                        "alert-delivery",
                        SERVICE,
                        alert.userId().toString(),
                        alert),
                new Consumer(
                        "delivery commands",
                        Topics.USER_EVENTS,
                        "alert-delivery-erasure",
                        SERVICE,
                        registered.userId().toString(),
                        registered),
                new Consumer("feed notices", Topics.FEED_STATUS, "alert-feed-notices", SERVICE, symbol.value(), stale));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumers")
    void everyPoisonIsDeadLetteredAndTheNextValidRecordIsProcessed(Consumer consumer) throws Exception {
        // When the topic's catalogue is fed to the partition of a valid record, then the valid record
        TopicSpec<?> topic = consumer.topic();
        Fed fed = PoisonAssertions.feedThenValid(
                RAW, topic, "alerting-" + UUID.randomUUID(), consumer.key(), consumer.valid());

        // Then the consumer commits past the valid record
        TopicPartition where = new TopicPartition(topic.name(), fed.valid().partition());
        await().atMost(PoisonAssertions.PATIENCE)
                .until(() -> ConsumerProgress.passed(
                        TestKafka.bootstrapServers(),
                        consumer.group(),
                        where,
                        fed.valid().offset()));
        // and every poison is in the topic's DLT once, with its reason, and the engine never restarted
        PoisonAssertions.assertDeadLettered(RAW, topic, fed.catalogue(), consumer.deadLetteredBy());
        assertThat(streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
}
