package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.rules.SymbolState;
import org.stockalerts.testsupport.ConsumerProgress;
import org.stockalerts.testsupport.TestKafka;

/**
 * On the real broker, exactly-once: a run of ticks that fire nothing changes only their symbol's
 * state, which reaches the symbol store (and its changelog) once a commit, not once a tick. Every
 * serialization of the symbol's state is a changelog record the commit wrote, there are fewer of
 * them than ticks, and the last one is the state after the last tick.
 */
class SymbolStateWrittenOnCommitIntegrationTest extends EngineOnBrokerTest {

    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final int TICKS = 300;

    private final Symbol symbol =
            Symbol.of("WOC" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase());

    @Test
    void ticksThatFireNothingWriteTheirSymbolStateOncePerCommitNotOncePerTick() throws Exception {
        // Given a rule on the symbol far above its prices, and ticks for it that fire nothing
        String bootstrap = TestKafka.bootstrapServers();
        EngineTopics.create(bootstrap);
        AlertRule never = RuleDraft.level(Condition.PRICE_ABOVE, "1000")
                .on(symbol.value())
                .build();
        List<PriceTick> ticks = ticks();
        Set<UUID> tickIds = ticks.stream().map(PriceTick::eventId).collect(Collectors.toSet());
        // and the engine, counting the serializations of this symbol's state
        AtomicInteger serialized = new AtomicInteger();
        Serde<SymbolState> real = SymbolStateSerde.create();
        Serde<SymbolState> counting = Serdes.serdeFrom(
                (topic, state) -> {
                    if (state != null && tickIds.contains(state.lastEventId())) {
                        serialized.incrementAndGet();
                    }
                    return real.serializer().serialize(topic, state);
                },
                real.deserializer());
        engine = EngineProcess.start(
                bootstrap, applicationId, stateDir.toString(), COMMIT_INTERVAL.toMillis(), Map.of(), counting);

        try (KafkaProducer<String, Object> producer = EngineTopics.producer(bootstrap)) {
            producer.send(new ProducerRecord<>(
                    Topics.ALERT_RULES.name(),
                    never.ruleId().toString(),
                    new AlertRuleChanged(UUID.randomUUID(), Instant.EPOCH, 1, never)));
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> engine.state() == KafkaStreams.State.RUNNING);
            await().atMost(Duration.ofSeconds(60)).until(() -> EngineTopics.rulesApplied(bootstrap, applicationId));

            // When the ticks arrive together
            ticks.forEach(tick -> producer.send(new ProducerRecord<>(
                    Topics.STOCK_PRICES.name(), tick.symbol().value(), tick)));
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ConsumerProgress.caughtUp(bootstrap, applicationId, Topics.STOCK_PRICES.name()));

        // Then each serialization of the symbol's state is one committed changelog record, fewer than the ticks
        List<SymbolState> written = committedChangelog(bootstrap);
        assertThat(written).hasSizeLessThan(TICKS);
        assertThat(serialized).hasValue(written.size());
        // and the last record is the state after the last tick
        assertThat(written.getLast().lastEventId()).isEqualTo(ticks.getLast().eventId());
    }

    /** Ticks one second apart, ending a minute before now, at prices between 90 and 110. */
    private List<PriceTick> ticks() {
        Instant start = Instant.now()
                .truncatedTo(ChronoUnit.SECONDS)
                .minus(Duration.ofSeconds(TICKS))
                .minus(Duration.ofMinutes(1));
        List<PriceTick> ticks = new ArrayList<>();
        for (int i = 0; i < TICKS; i++) {
            Instant at = start.plusSeconds(i);
            BigDecimal price = BigDecimal.valueOf(90 + i % 20);
            ticks.add(PriceTick.of(UUID.randomUUID(), at, symbol, price, TickSource.REPLAY, at));
        }
        return ticks;
    }

    /** The symbol's states in the symbol store's changelog, as a read_committed reader sees them. */
    private List<SymbolState> committedChangelog(String bootstrap) {
        String changelog = applicationId + "-" + SymbolEngineProcessor.SYMBOLS_STORE + "-changelog";
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<SymbolState> states = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(changelog).stream()
                    .map(info -> new TopicPartition(changelog, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (symbol.value().equals(record.key()) && record.value() != null) {
                        states.add(SymbolStateSerde.read(record.value()));
                    }
                });
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        return states;
    }
}
