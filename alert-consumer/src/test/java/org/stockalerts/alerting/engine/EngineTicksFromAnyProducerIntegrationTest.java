package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.stockalerts.testsupport.MisplacingPartitioner;
import org.stockalerts.testsupport.TestKafka;

/**
 * On the real broker, issue #25's experiment: ticks written by a producer whose partitioner is not
 * Java's, keyed by symbol (never on the symbol's partition) and keyless (spread over every
 * partition), for symbols with rules. Every alert that brute force expects fires, exactly once.
 */
class EngineTicksFromAnyProducerIntegrationTest extends EngineOnBrokerTest {

    /** Recent history: the engine refuses ticks dated outside its tick time bound. */
    private static final Instant WALK_START =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));

    private static final int SYMBOLS = 8;
    private static final int TICKS_PER_SYMBOL = 200;
    private static final int KEYLESS_TICKS_PER_SYMBOL = 12;

    private final String run =
            Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

    @Test
    void ticksOnAnyPartitionWithAnyKeyFireEveryExpectedAlertExactlyOnce() throws Exception {
        // Given the engine on the broker, random level and cross rules on eight symbols,
        // and a price-above-100 rule on each of eight more
        String bootstrap = TestKafka.bootstrapServers();
        EngineTopics.create(bootstrap);
        Random random = new Random(25);
        List<Symbol> keyed = symbols("K");
        List<Symbol> keyless = symbols("N");
        List<AlertRule> walkRules = new ArrayList<>();
        keyed.forEach(symbol ->
                IntStream.range(0, 10).forEach(i -> walkRules.add(RuleDraft.randomLevel(random, symbol.value()))));
        List<AlertRule> above100 = keyless.stream()
                .map(symbol -> RuleDraft.level(Condition.PRICE_ABOVE, "100")
                        .on(symbol.value())
                        .user(UUID.randomUUID())
                        .build())
                .toList();
        engine = EngineProcess.start(bootstrap, applicationId, stateDir.toString(), 100);
        try (KafkaProducer<String, Object> producer = EngineTopics.producer(bootstrap)) {
            for (AlertRule rule : concat(walkRules, above100)) {
                producer.send(new ProducerRecord<>(
                        Topics.ALERT_RULES.name(),
                        rule.ruleId().toString(),
                        new AlertRuleChanged(UUID.randomUUID(), Instant.EPOCH, 1, rule)));
            }
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> EngineTopics.rulesApplied(bootstrap, applicationId));

        // When the first symbols' random walks are written keyed by symbol, each to a partition that
        // is not its symbol's, and the others' ticks at 150 without a key, round-robin over the partitions
        List<PriceTick> walks = walks(random, keyed);
        try (KafkaProducer<String, Object> producer = EngineTopics.producer(
                bootstrap, Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, MisplacingPartitioner.class))) {
            for (int step = 0; step < TICKS_PER_SYMBOL; step++) {
                for (int symbol = 0; symbol < SYMBOLS; symbol++) {
                    PriceTick tick = walks.get(step * SYMBOLS + symbol);
                    producer.send(new ProducerRecord<>(
                            Topics.STOCK_PRICES.name(), tick.symbol().value(), tick));
                    if (step < KEYLESS_TICKS_PER_SYMBOL) {
                        producer.send(new ProducerRecord<>(
                                Topics.STOCK_PRICES.name(), null, tick(keyless.get(symbol), "150", step)));
                    }
                }
            }
        }

        // Then a read_committed reader sees every alert brute force expects on the walks (whose
        // per-symbol order the re-route kept) and one alert per price-above-100 rule, each once
        BruteForceEngine reference = new BruteForceEngine();
        walkRules.forEach(reference::upsert);
        Set<UUID> expectedWalkAlerts = reference.alertIds(walks);
        assertThat(expectedWalkAlerts).hasSizeGreaterThan(50);
        Set<UUID> ruleIds =
                concat(walkRules, above100).stream().map(AlertRule::ruleId).collect(Collectors.toSet());
        List<AlertTriggered> seen = new ArrayList<>();
        try (KafkaConsumer<String, AlertTriggered> alerts = EngineTopics.alertConsumer(bootstrap, true)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                alerts.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() != null
                            && ruleIds.contains(record.value().ruleId())) {
                        seen.add(record.value());
                    }
                });
                return ConsumerProgress.caughtUp(bootstrap, applicationId, Topics.STOCK_PRICES.name())
                        && ConsumerProgress.caughtUp(
                                bootstrap,
                                applicationId,
                                applicationId + "-" + AlertEngineTopology.TICKS_BY_SYMBOL + "-repartition")
                        && seen.size() >= expectedWalkAlerts.size() + above100.size();
            });
            alerts.poll(Duration.ofSeconds(2)).forEach(record -> {
                if (record.value() != null && ruleIds.contains(record.value().ruleId())) {
                    seen.add(record.value());
                }
            });
        }
        Map<Boolean, List<AlertTriggered>> byKind =
                seen.stream().collect(Collectors.partitioningBy(alert -> keyless.contains(alert.symbol())));
        assertThat(byKind.get(false))
                .extracting(AlertTriggered::alertId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expectedWalkAlerts);
        assertThat(byKind.get(true))
                .extracting(AlertTriggered::ruleId)
                .containsExactlyInAnyOrderElementsOf(
                        above100.stream().map(AlertRule::ruleId).toList());
    }

    private List<Symbol> symbols(String prefix) {
        return IntStream.range(0, SYMBOLS)
                .mapToObj(i -> Symbol.of(prefix + run + i))
                .toList();
    }

    /** Random walks between 80 and 120 of {@code symbols}, step by step, a tick of each symbol a step. */
    private static List<PriceTick> walks(Random random, List<Symbol> symbols) {
        List<PriceTick> ticks = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>(
                symbols.stream().map(symbol -> BigDecimal.valueOf(100)).toList());
        for (int step = 0; step < TICKS_PER_SYMBOL; step++) {
            for (int i = 0; i < symbols.size(); i++) {
                BigDecimal price = prices.get(i)
                        .add(BigDecimal.valueOf(random.nextInt(5) - 2))
                        .max(BigDecimal.valueOf(80))
                        .min(BigDecimal.valueOf(120));
                prices.set(i, price);
                ticks.add(tick(symbols.get(i), price.toPlainString(), step));
            }
        }
        return ticks;
    }

    private static PriceTick tick(Symbol symbol, String price, int step) {
        Instant at = WALK_START.plusSeconds(step * 5L);
        return PriceTick.of(UUID.randomUUID(), at, symbol, new BigDecimal(price), TickSource.REPLAY, at);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
