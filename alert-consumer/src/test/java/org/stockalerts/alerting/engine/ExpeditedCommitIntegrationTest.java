package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.ConsumerProgress;
import org.stockalerts.testsupport.TestKafka;

/**
 * On the real broker, with a commit interval far longer than the test: a fresh rule change and an
 * alert fired by a fresh tick are committed at once, so a read_committed reader sees them, while an
 * alert fired by a tick stamped an hour ago stays in the open transaction until the engine commits
 * for another reason (here: a clean close).
 */
class ExpeditedCommitIntegrationTest extends EngineOnBrokerTest {

    private static final Duration COMMIT_INTERVAL = Duration.ofMinutes(5);

    private final Symbol symbol =
            Symbol.of("EXP" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase());

    @Test
    void freshInputsAreCommittedAtOnceAndOldOnesWaitForTheNextCommit() throws Exception {
        // Given the engine with a five-minute commit interval (its transactions may stay open that long)
        String bootstrap = TestKafka.bootstrapServers();
        EngineTopics.create(bootstrap);
        engine = EngineProcess.start(
                bootstrap,
                applicationId,
                stateDir.toString(),
                COMMIT_INTERVAL.toMillis(),
                Map.of(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 600_000));
        AlertRule above100 =
                RuleDraft.level(Condition.PRICE_ABOVE, "100").on(symbol.value()).build();
        AlertRule above200 =
                RuleDraft.level(Condition.PRICE_ABOVE, "200").on(symbol.value()).build();

        try (KafkaProducer<String, Object> producer = EngineTopics.producer(bootstrap);
                KafkaConsumer<String, AlertTriggered> committed = EngineTopics.alertConsumer(bootstrap, true);
                KafkaConsumer<String, AlertTriggered> uncommitted = EngineTopics.alertConsumer(bootstrap, false)) {
            // When two rules are created while the engine runs, and fresh ticks above the first one follow
            await().atMost(Duration.ofSeconds(60)).until(() -> engine.state() == KafkaStreams.State.RUNNING);
            Set<UUID> seen = new HashSet<>();
            // Then the rules reach their partition and the alert its readers without waiting five minutes
            // (a change is sent again until it is there: one that arrives late is old and waits for the interval)
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (AlertRule rule : List.of(above100, above200)) {
                    producer.send(new ProducerRecord<>(
                            Topics.ALERT_RULES.name(),
                            rule.ruleId().toString(),
                            new AlertRuleChanged(UUID.randomUUID(), Instant.now(), 1, rule)));
                }
                producer.send(tick(null, "101")).get();
                committed
                        .poll(Duration.ofMillis(500))
                        .forEach(record -> EngineTopics.ruleOf(record).ifPresent(seen::add));
                return seen.contains(above100.ruleId());
            });
            // (every fresh rule change sent commits once processed: none is left to commit the next alert)
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ConsumerProgress.caughtUp(bootstrap, applicationId, Topics.ALERT_RULES.name()));

            // When a tick above the second rule arrives stamped an hour ago (a backlog being worked off)
            producer.send(tick(Instant.now().minus(Duration.ofHours(1)).toEpochMilli(), "201"))
                    .get();
            Set<UUID> written = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                uncommitted
                        .poll(Duration.ofMillis(500))
                        .forEach(record -> EngineTopics.ruleOf(record).ifPresent(written::add));
                return written.contains(above200.ruleId());
            });

            // Then its alert is written but not committed
            committed
                    .poll(Duration.ofSeconds(3))
                    .forEach(record -> EngineTopics.ruleOf(record).ifPresent(seen::add));
            assertThat(seen).doesNotContain(above200.ruleId());

            // And a clean close commits it
            engine.close(Duration.ofSeconds(30));
            engine = null;
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                committed
                        .poll(Duration.ofMillis(500))
                        .forEach(record -> EngineTopics.ruleOf(record).ifPresent(seen::add));
                return seen.contains(above200.ruleId());
            });
        }
    }

    /** A tick observed now; the record stamped {@code timestamp} (null: when it is sent). */
    private ProducerRecord<String, Object> tick(Long timestamp, String price) {
        Instant now = Instant.now();
        PriceTick tick = PriceTick.of(UUID.randomUUID(), now, symbol, new BigDecimal(price), TickSource.SIMULATED, now);
        return new ProducerRecord<>(Topics.STOCK_PRICES.name(), null, timestamp, symbol.value(), tick);
    }
}
