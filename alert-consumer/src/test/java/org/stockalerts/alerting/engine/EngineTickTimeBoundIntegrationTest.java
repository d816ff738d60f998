package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.DeadLetterRecords;
import org.stockalerts.testsupport.TestKafka;

/**
 * Issue #16, C9, on the real broker: ticks dated an hour and a week ahead of the engine's clock and
 * a year behind it go to {@code stock-prices.DLT} with the reason, and the symbol's next valid tick
 * still fires (one dated ahead would otherwise have frozen the symbol's rules until its time).
 */
class EngineTickTimeBoundIntegrationTest extends EngineOnBrokerTest {

    private final Symbol symbol = TickDraft.uniqueSymbol("TB");

    @Test
    void deadLettersTicksDatedOutsideTheBoundAndTheNextValidTickStillFires() throws Exception {
        // Given the engine running with a price-above-100 rule on a symbol of its own
        String bootstrap = TestKafka.bootstrapServers();
        EngineTopics.create(bootstrap);
        engine = EngineProcess.start(bootstrap, applicationId, stateDir.toString(), 100);
        AlertRule above100 =
                RuleDraft.level(Condition.PRICE_ABOVE, "100").on(symbol.value()).build();
        Instant now = Instant.now();
        List<PriceTick> refused = List.of(
                TickDraft.tick(symbol.value(), "150", now.plus(Duration.ofHours(1))),
                TickDraft.tick(symbol.value(), "150", now.plus(Duration.ofDays(7))),
                TickDraft.tick(symbol.value(), "150", now.minus(Duration.ofDays(365))));
        PriceTick valid = TickDraft.tick(symbol.value(), "101", now);
        try (KafkaProducer<String, Object> producer = EngineTopics.producer(bootstrap);
                KafkaConsumer<String, AlertTriggered> alerts = EngineTopics.alertConsumer(bootstrap, true)) {
            producer.send(new ProducerRecord<>(
                    Topics.ALERT_RULES.name(),
                    above100.ruleId().toString(),
                    new AlertRuleChanged(UUID.randomUUID(), now, 1, above100)));
            producer.flush();
            await().atMost(Duration.ofSeconds(120)).until(() -> EngineTopics.rulesApplied(bootstrap, applicationId));

            // When ticks above the level dated outside the bound arrive, then a valid one
            for (PriceTick tick : refused) {
                producer.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), symbol.value(), tick));
            }
            producer.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), symbol.value(), valid));
            producer.flush();

            // Then the rule fires on the valid tick, and on no other
            List<AlertTriggered> fired = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                alerts.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() != null && record.value().ruleId().equals(above100.ruleId())) {
                        fired.add(record.value());
                    }
                });
                return !fired.isEmpty();
            });
            assertThat(fired).extracting(AlertTriggered::sourceEventId).containsExactly(valid.eventId());
        }
        // And each refused tick is on the dead-letter topic with the engine's name and the reason
        List<ConsumerRecord<String, byte[]>> dead = DeadLetterRecords.await(
                Topics.STOCK_PRICES.deadLetterTopic(), Topics.STOCK_PRICES.partitions(), symbol.value(), 3);
        for (int i = 0; i < refused.size(); i++) {
            assertThat(new String(dead.get(i).value(), StandardCharsets.UTF_8))
                    .contains(refused.get(i).eventId().toString());
            assertThat(DeadLetterRecords.header(dead.get(i).headers(), DeadLetters.CONSUMER_HEADER))
                    .isEqualTo(applicationId);
            assertThat(DeadLetterRecords.header(dead.get(i).headers(), DeadLetters.REASON_HEADER))
                    .startsWith("malformed record on stock-prices")
                    .containsAnyOf("ahead of now", "older than now");
        }
    }
}
