package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.springframework.util.FileSystemUtils;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.kafka.Topics;

/**
 * Several producers write ticks of a few symbols, each with a partitioner and keys of its own: keyed
 * by symbol on a partition of its choice, keyed by its own name (all on one partition), or keyless
 * (any partition, tick by tick). Kafka keeps each partition's order and nothing else, so the ticks
 * reach the engine as a random merge of the producers' partitions, and a producer may send a tick
 * twice. Whatever the merge, the engine fires exactly what brute force fires on the ticks in the
 * order they arrive (evaluating a symbol's tick only when it is newer than the last evaluated one),
 * each alert once, and counts every tick it did not evaluate by its reason. In the driver every
 * record is on partition 0, so the ticks of the symbols of other partitions take the re-route.
 */
class TicksFromAnyProducerMatchBruteForceTest {

    private static final List<Symbol> SYMBOLS = Stream.concat(
                    TestSymbols.onPartitionZero("P", true, 2).stream(),
                    TestSymbols.onPartitionZero("P", false, 2).stream())
            .toList();
    private static final int PRODUCERS = 3;
    private static final int TICKS_PER_SYMBOL = 25;

    private enum Keys {
        SYMBOL,
        PRODUCER_NAME,
        NONE
    }

    /** A tick as sent: its key (null for none). */
    private record Sent(PriceTick tick, String key) {}

    @Property(tries = 10)
    void theEngineFiresWhatBruteForceFiresOnTheTicksInTheOrderTheyArrive(@ForAll long seed) throws IOException {
        // Given random level and cross rules on symbols of partition 0 and of other partitions
        Random random = new Random(seed);
        List<AlertRule> rules = new ArrayList<>();
        for (Symbol symbol : SYMBOLS) {
            for (int i = 0; i < 8; i++) {
                rules.add(RuleDraft.randomLevel(random, symbol.value()));
            }
        }

        // When producers with clocks and partitioners of their own send every symbol's random walk,
        // and the partitions' ticks arrive merged at random
        List<Sent> arrivals = merge(random, partitionsOfProducers(random));
        Path stateDir = Files.createTempDirectory("ticks-any-producer");
        try (EngineDriver engine = new EngineDriver(stateDir)) {
            rules.forEach(engine::rule);
            arrivals.forEach(sent -> engine.tick(sent.tick(), sent.key()));

            // Then it fired what brute force fires on the ticks in arrival order, each alert once
            BruteForceEngine reference = new BruteForceEngine();
            rules.forEach(reference::upsert);
            Set<UUID> expected =
                    reference.alertIds(arrivals.stream().map(Sent::tick).toList());
            List<UUID> fired =
                    engine.alerts().stream().map(AlertTriggered::alertId).toList();
            assertThat(fired).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);

            // And every tick it did not evaluate was counted by its reason
            Map<StaleTicks.Reason, Integer> ignored = ignored(arrivals);
            for (StaleTicks.Reason reason : StaleTicks.Reason.values()) {
                assertThat(engine.count(StaleTicks.METRIC, "reason", reason.tag()))
                        .as(reason.tag())
                        .isEqualTo((double) ignored.getOrDefault(reason, 0));
            }
        } finally {
            FileSystemUtils.deleteRecursively(stateDir);
        }
    }

    /** The ticks each producer wrote, by (producer, partition), each partition in the order written. */
    private static List<Queue<Sent>> partitionsOfProducers(Random random) {
        int partitions = Topics.STOCK_PRICES.partitions();
        List<Queue<Sent>> lanes = new ArrayList<>();
        for (int producer = 0; producer < PRODUCERS; producer++) {
            Keys keys = Keys.values()[random.nextInt(Keys.values().length)];
            long clockOffsetSeconds = random.nextInt(25) - 12;
            Map<Integer, Queue<Sent>> byPartition = new LinkedHashMap<>();
            Map<Symbol, Integer> partitionOfSymbol = new HashMap<>();
            int partitionOfProducer = random.nextInt(partitions);
            for (Symbol symbol : SYMBOLS) {
                partitionOfSymbol.put(symbol, random.nextInt(partitions));
            }
            for (Symbol symbol : SYMBOLS) {
                BigDecimal price = BigDecimal.valueOf(100);
                for (int step = 0; step < TICKS_PER_SYMBOL; step++) {
                    price = price.add(BigDecimal.valueOf(random.nextInt(7) - 3))
                            .max(BigDecimal.valueOf(85))
                            .min(BigDecimal.valueOf(115));
                    Instant at = EngineDriver.START.plusSeconds(step * 5L + clockOffsetSeconds);
                    PriceTick tick = PriceTick.of(UUID.randomUUID(), at, symbol, price, TickSource.REPLAY, at);
                    Sent sent = switch (keys) {
                        case SYMBOL -> new Sent(tick, symbol.value());
                        case PRODUCER_NAME -> new Sent(tick, "producer-" + producer);
                        case NONE -> new Sent(tick, null);
                    };
                    int partition = switch (keys) {
                        case SYMBOL -> partitionOfSymbol.get(symbol);
                        case PRODUCER_NAME -> partitionOfProducer;
                        case NONE -> random.nextInt(partitions);
                    };
                    byPartition
                            .computeIfAbsent(partition, p -> new ArrayDeque<>())
                            .add(sent);
                }
            }
            lanes.addAll(byPartition.values());
        }
        return lanes;
    }

    /** A random merge of {@code lanes} that keeps each lane's order; a few ticks arrive twice in a row. */
    private static List<Sent> merge(Random random, List<Queue<Sent>> lanes) {
        List<Sent> arrivals = new ArrayList<>();
        List<Queue<Sent>> open = new ArrayList<>(lanes);
        while (!open.isEmpty()) {
            Queue<Sent> lane = open.get(random.nextInt(open.size()));
            Sent sent = lane.remove();
            arrivals.add(sent);
            if (random.nextInt(50) == 0) {
                arrivals.add(sent);
            }
            if (lane.isEmpty()) {
                open.remove(lane);
            }
        }
        return arrivals;
    }

    /** The documented rule, tick by tick: what the engine must not evaluate, and why. */
    private static Map<StaleTicks.Reason, Integer> ignored(List<Sent> arrivals) {
        Map<Symbol, PriceTick> last = new HashMap<>();
        Map<StaleTicks.Reason, Integer> ignored = new HashMap<>();
        for (Sent sent : arrivals) {
            PriceTick tick = sent.tick();
            PriceTick before = last.get(tick.symbol());
            if (before == null || tick.observedAt().isAfter(before.observedAt())) {
                last.put(tick.symbol(), tick);
            } else {
                StaleTicks.Reason reason = tick.eventId().equals(before.eventId())
                        ? StaleTicks.Reason.DUPLICATE
                        : tick.observedAt().equals(before.observedAt())
                                ? StaleTicks.Reason.SAME_TIME
                                : StaleTicks.Reason.OLDER;
                ignored.merge(reason, 1, Integer::sum);
            }
        }
        return ignored;
    }
}
