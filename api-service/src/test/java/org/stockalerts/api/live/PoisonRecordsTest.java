package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stockalerts.api.web.ApiIntegrationTestSupport.TestUser;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.Poison;
import org.stockalerts.common.fixtures.PoisonAssertions;
import org.stockalerts.common.fixtures.PoisonCatalogue;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.ConsumerProgress;
import org.stockalerts.testsupport.RawKafkaClient;
import org.stockalerts.testsupport.TestKafka;

/**
 * Scenario C8 for api-service's consumers. The live readers (no consumer group, one per instance)
 * skip and count each malformed record and push the next valid one; the rule-status listener (a
 * group) dead-letters each once, with its reason, and commits past the valid record after them.
 */
class PoisonRecordsTest extends LiveIntegrationTestSupport {

    private static final RawKafkaClient RAW = RawKafkaClient.onTestBroker();

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeClient() {
        RAW.close();
    }

    @Test
    void theLiveTickReaderSkipsAndCountsEveryPoisonAndPushesTheNextTick() throws Exception {
        // Given a client following a symbol, and the catalogue for stock-prices aimed at its partition
        TestUser user = registerUser("Poison");
        Symbol symbol = TickDraft.uniqueSymbol("PZ");
        int partition = Topics.STOCK_PRICES.partitionOf(symbol.value());
        List<Poison> catalogue = PoisonCatalogue.of(Topics.STOCK_PRICES, "api-" + UUID.randomUUID());
        double skippedBefore = skipped(Topics.STOCK_PRICES);

        try (SseClient ticks = connect(user, "/stocks/" + symbol.value() + "/stream", null)) {
            // When the catalogue is fed, then a valid tick
            PoisonAssertions.feed(RAW, Topics.STOCK_PRICES, partition, catalogue);
            PriceTick tick = tick(symbol, "42.00");
            RAW.send(Topics.STOCK_PRICES.name(), partition, symbol.value(), EventJson.write(tick));

            // Then the tick is pushed, and each poison was skipped once
            await().atMost(PoisonAssertions.PATIENCE)
                    .untilAsserted(() -> assertThat(ticks.events()).isNotEmpty());
        }
        assertThat(skipped(Topics.STOCK_PRICES) - skippedBefore)
                .isEqualTo(PoisonCatalogue.deadLettered(catalogue).size());
    }

    @Test
    void theLiveAlertReaderSkipsAndTheRuleStatusListenerDeadLettersEveryPoison() throws Exception {
        // Given a user's live alert stream, and the catalogue for alerts-triggered aimed at the user's partition
        TestUser user = registerUser("Poison");
        int partition = Topics.ALERTS_TRIGGERED.partitionOf(user.id().toString());
        List<Poison> catalogue = PoisonCatalogue.of(Topics.ALERTS_TRIGGERED, "api-" + UUID.randomUUID());
        double skippedBefore = skipped(Topics.ALERTS_TRIGGERED);

        RecordMetadata valid;
        try (SseClient alerts = connect(user, "/users/" + user.id() + "/alerts/stream", null)) {
            // When the catalogue is fed, then a valid alert of the user
            PoisonAssertions.feed(RAW, Topics.ALERTS_TRIGGERED, partition, catalogue);
            AlertTriggered alert = alert(user.id(), Instant.now());
            valid = RAW.send(
                    Topics.ALERTS_TRIGGERED.name(), partition, user.id().toString(), EventJson.write(alert));

            // Then the alert is pushed live
            await().atMost(PoisonAssertions.PATIENCE)
                    .untilAsserted(() -> assertThat(alerts.events()).isNotEmpty());
        }
        // and the rule-status listener committed past it and dead-lettered each poison once, with its reason
        TopicPartition where = new TopicPartition(Topics.ALERTS_TRIGGERED.name(), partition);
        await().atMost(PoisonAssertions.PATIENCE)
                .until(() -> ConsumerProgress.passed(
                        TestKafka.bootstrapServers(), "api-service-rule-status", where, valid.offset()));
        PoisonAssertions.assertDeadLettered(RAW, Topics.ALERTS_TRIGGERED, catalogue, "api-service");
        // and the live reader skipped each once
        assertThat(skipped(Topics.ALERTS_TRIGGERED) - skippedBefore)
                .isEqualTo(PoisonCatalogue.deadLettered(catalogue).size());
    }

    private double skipped(TopicSpec<?> topic) {
        Counter counter =
                meters.find(LivePoison.SKIPPED).tag("topic", topic.name()).counter();
        return counter == null ? 0 : counter.count();
    }
}
