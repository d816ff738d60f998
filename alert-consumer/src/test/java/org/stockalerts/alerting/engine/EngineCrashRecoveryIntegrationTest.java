package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.ConsumerProgress;
import org.stockalerts.testsupport.TestKafka;

/**
 * On the real broker: the engine is killed (SIGKILL, no clean shutdown) in the middle of a stream of
 * ticks and started again on the same state directory; a read_committed consumer then sees every
 * alert that the topology fires on the same input, each exactly once.
 */
class EngineCrashRecoveryIntegrationTest {

    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final int SYMBOLS = 8;
    private static final int TICKS_PER_SYMBOL = 1500;

    @TempDir
    Path stateDir;

    private final String applicationId = "engine-crash-test-" + UUID.randomUUID();
    private Process killedEngine;
    private KafkaStreams restartedEngine;

    @AfterEach
    void stopEngines() {
        if (killedEngine != null) {
            killedEngine.destroyForcibly();
        }
        if (restartedEngine != null) {
            restartedEngine.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void aKilledEngineRestartsWithoutLosingOrRepeatingAnAlert() throws Exception {
        // Given the topics, random price rules on a few symbols and a random walk of ticks,
        // and the alerts the topology fires on them
        String bootstrap = TestKafka.bootstrapServers();
        EngineTopics.create(bootstrap);
        Random random = new Random(42);
        List<AlertRule> rules = randomRules(random);
        List<PriceTick> ticks = randomWalks(random);
        Set<UUID> expected = expectedAlertIds(rules, ticks);
        assertThat(expected).hasSizeGreaterThan(100);

        // When the engine runs in its own JVM, has applied the rules, and is killed while it works through the ticks
        try (KafkaProducer<String, Object> producer = EngineTopics.producer(bootstrap)) {
            rules.forEach(rule -> producer.send(new ProducerRecord<>(
                    Topics.ALERT_RULES.name(),
                    rule.ruleId().toString(),
                    new AlertRuleChanged(UUID.randomUUID(), Instant.EPOCH, 1, rule))));
            producer.flush();
            killedEngine = startEngineProcess(bootstrap);
            await().atMost(Duration.ofSeconds(90)).until(() -> EngineTopics.rulesApplied(bootstrap, applicationId));
            ticks.forEach(tick -> producer.send(new ProducerRecord<>(
                    Topics.STOCK_PRICES.name(), tick.symbol().value(), tick)));
            producer.flush();
        }
        try (KafkaConsumer<String, AlertTriggered> alerts = EngineTopics.alertConsumer(bootstrap, true)) {
            // (only this test's rules: the topics may hold other tests' rules and ticks)
            Set<UUID> ruleIds =
                    new HashSet<>(rules.stream().map(AlertRule::ruleId).toList());
            List<AlertTriggered> seen = new ArrayList<>();
            Consumer<ConsumerRecords<String, AlertTriggered>> collect = records -> records.forEach(record -> {
                if (record.value() != null && ruleIds.contains(record.value().ruleId())) {
                    seen.add(record.value());
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                collect.accept(alerts.poll(Duration.ofMillis(200)));
                return !seen.isEmpty();
            });
            killedEngine.destroyForcibly().waitFor();
            collect.accept(alerts.poll(Duration.ofMillis(500)));
            assertThat(seen).as("killed mid-stream").hasSizeLessThan(expected.size());

            // And it starts again on the same state directory and finishes the stream
            restartedEngine = EngineProcess.start(bootstrap, applicationId, stateDir.toString(), 100);
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                collect.accept(alerts.poll(Duration.ofMillis(200)));
                return ConsumerProgress.caughtUp(bootstrap, applicationId, Topics.STOCK_PRICES.name())
                        && seen.stream().map(AlertTriggered::alertId).toList().containsAll(expected);
            });
            var late = alerts.poll(Duration.ofSeconds(1));
            while (!late.isEmpty()) {
                collect.accept(late);
                late = alerts.poll(Duration.ofSeconds(1));
            }

            // Then every expected alert was published exactly once
            List<UUID> ids = seen.stream().map(AlertTriggered::alertId).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private Process startEngineProcess(String bootstrap) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EngineProcess.class.getName(),
                        bootstrap,
                        applicationId,
                        stateDir.toString(),
                        String.valueOf(COMMIT_INTERVAL.toMillis()))
                .redirectErrorStream(true)
                .redirectOutput(new File(stateDir.toFile(), "engine.log"))
                .start();
    }

    private static Set<UUID> expectedAlertIds(List<AlertRule> rules, List<PriceTick> ticks) {
        BruteForceEngine reference = new BruteForceEngine();
        rules.forEach(reference::upsert);
        return reference.alertIds(ticks);
    }

    private static List<AlertRule> randomRules(Random random) {
        List<AlertRule> rules = new ArrayList<>();
        for (int symbol = 0; symbol < SYMBOLS; symbol++) {
            for (int i = 0; i < 40; i++) {
                rules.add(RuleDraft.randomLevel(random, "SYM" + symbol));
            }
        }
        return rules;
    }

    private static List<PriceTick> randomWalks(Random random) {
        List<PriceTick> ticks = new ArrayList<>();
        Map<Integer, BigDecimal> prices = new HashMap<>();
        // recent history that ends before now: the engine refuses ticks dated outside its tick time bound
        Duration step = Duration.ofSeconds(5);
        Instant start = Instant.now()
                .truncatedTo(ChronoUnit.SECONDS)
                .minus(step.multipliedBy(TICKS_PER_SYMBOL))
                .minus(Duration.ofMinutes(1));
        for (int i = 0; i < TICKS_PER_SYMBOL; i++) {
            for (int symbol = 0; symbol < SYMBOLS; symbol++) {
                BigDecimal price = prices.getOrDefault(symbol, BigDecimal.valueOf(100))
                        .add(BigDecimal.valueOf(random.nextInt(5) - 2))
                        .max(BigDecimal.valueOf(80))
                        .min(BigDecimal.valueOf(120));
                prices.put(symbol, price);
                Instant at = start.plus(step.multipliedBy(i));
                ticks.add(PriceTick.of(UUID.randomUUID(), at, Symbol.of("SYM" + symbol), price, TickSource.REPLAY, at));
            }
        }
        return ticks;
    }
}
