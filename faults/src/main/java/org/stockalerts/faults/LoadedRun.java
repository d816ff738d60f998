package org.stockalerts.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.id.AlertIds;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.e2e.ApiClient;

/**
 * One run of a scenario: the system started fresh, the population created, every sink watching, the
 * rules proven loaded by a warm-up, then the load while the scenario does its faults, then the drain
 * and the oracle's checks at every sink.
 */
final class LoadedRun implements AutoCloseable {

    private static final Duration WARM_UP = Duration.ofMinutes(5);
    private static final Duration DRAIN = Duration.ofMinutes(3);
    /** How long the drain goes on past {@link #DRAIN} while deliveries are still waiting to be attempted. */
    private static final Duration DRAIN_WHILE_PENDING = Duration.ofMinutes(12);

    private static final String DELIVERY_GROUP = "alert-delivery-send";
    private static final String DELIVERY_TOPICS = "alerts-triggered.deliveries";
    private static final Duration BACKLOG = Duration.ofMinutes(15);

    private final FaultSystem system;
    private final WebhookReceivers receivers;
    private final Population population;
    private final TopicSink topic;
    private final SseClients streams;
    private final TickLoad load;
    private int warmUpTicks;
    private ExpectedAlerts oracle;
    /** Each alert the acknowledged ticks may fire, with the user whose rule fires it. */
    private Map<UUID, UUID> owners = Map.of();

    private LoadedRun(FaultSystem system, WebhookReceivers receivers, Population population) {
        this.system = system;
        this.receivers = receivers;
        this.population = population;
        this.topic = new TopicSink(system.bootstrapServers());
        this.streams = new SseClients(system::apiBaseUrl, system.instances());
        List<Population.User> users = population.users();
        for (int u = 0; u < users.size(); u++) {
            // one client per user, spread over the instances; with two, every third user has one on each
            int home = u % system.instances();
            streams.watch(users.get(u), home);
            if (system.instances() > 1 && u % 3 == 0) {
                streams.watch(users.get(u), (home + 1) % system.instances());
            }
        }
        this.load = new TickLoad(system.bootstrapServers(), population.symbols());
    }

    static LoadedRun start(Path work, Path kafkaLib, int users, FaultSystem.Setup setup) throws Exception {
        FaultSystem system = FaultSystem.start(work, kafkaLib, setup);
        WebhookReceivers receivers = new WebhookReceivers();
        Population population = Population.create(new ApiClient(system.apiBaseUrl()), receivers, users);
        LoadedRun run = new LoadedRun(system, receivers, population);
        run.warmUp();
        return run;
    }

    FaultSystem system() {
        return system;
    }

    Population population() {
        return population;
    }

    /** The users' alert stream clients. */
    SseClients streams() {
        return streams;
    }

    /** alerts-triggered as the harness reads it, with each alert's latency. */
    TopicSink topic() {
        return topic;
    }

    /**
     * Crosses every symbol's rule (99 then 101) until the crossing of the latest round reached
     * alerts-triggered for every symbol: the engine has every rule, and is in the oracle's state.
     */
    private void warmUp() {
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() < deadline) {
            Set<UUID> round = new HashSet<>();
            for (AlertRule rule : population.rules()) {
                load.send(rule.symbol(), TickLoad.BELOW);
                round.add(AlertIds.of(
                        rule.ruleId(), load.send(rule.symbol(), TickLoad.ABOVE).eventId()));
            }
            long roundEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < roundEnd) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                if (round.stream().allMatch(topic::contains)) {
                    warmUpTicks = awaitAcknowledged();
                    System.out.printf("warm-up done: every rule fired (%d ticks)%n", warmUpTicks);
                    return;
                }
            }
        }
        throw new IllegalStateException("the rules did not all fire within " + WARM_UP);
    }

    private int awaitAcknowledged() {
        try {
            load.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return load.acknowledged().size();
    }

    void startLoad(int perSecond) {
        load.start(perSecond);
    }

    /** How many ticks the broker acknowledged so far: a position in their order, to mark a fault's start and end. */
    int acknowledgedTicks() {
        return load.acknowledged().size();
    }

    /**
     * Stops the load, waits until the engine and the tick store have read every tick (at most 15 min)
     * and the sinks settle (at most 3 min more), and checks every sink.
     */
    Verdict stopAndCheck() throws Exception {
        return stopAndCheck(DRAIN);
    }

    /** As {@link #stopAndCheck()}, waiting at most {@code drain} for the sinks to settle. */
    Verdict stopAndCheck(Duration drain) throws Exception {
        load.stop();
        Map<String, Long> deadLetters;
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            for (FaultSystem.Service service : List.of(
                    FaultSystem.Service.ALERTS, FaultSystem.Service.PERSISTENCE, FaultSystem.Service.ANALYTICS)) {
                Duration drained = lag.timeToCatchUp(service.tickGroup, Topics.STOCK_PRICES.name(), 0, BACKLOG);
                System.out.printf("%s read every tick after %s%n", service.module, drained);
            }
            deadLetters = lag.deadLetters();
        }
        List<PriceTick> acknowledged = load.acknowledged();
        List<PriceTick> measured = acknowledged.subList(warmUpTicks, acknowledged.size());
        oracle = ExpectedAlerts.of(population.rules(), acknowledged.subList(0, warmUpTicks), measured);
        owners = owners(acknowledged);
        Set<UUID> ticks = acknowledged.stream().map(PriceTick::eventId).collect(Collectors.toSet());
        ExpectedBars expectedBars = ExpectedBars.of(acknowledged, ExpectedBars.settings(System.getenv()));
        StoredRows stored = new StoredRows(system.database());
        long start = System.nanoTime();
        List<SinkCheck> checks;
        long pending;
        List<BarCheck> bars;
        do {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            checks = checks(oracle, ticks, stored);
            bars = barChecks(expectedBars, stored);
            pending = pendingDeliveries(stored);
        } while ((checks.stream().anyMatch(check -> check.lost() > 0)
                        || load.failed() == 0 && bars.stream().anyMatch(check -> !check.exact()))
                && draining(start, drain, pending));
        System.out.printf(
                "drained after %s, %d deliveries still pending%n",
                Duration.ofNanos(System.nanoTime() - start), pending);
        return new Verdict(
                measured.size(),
                load.failed(),
                checks,
                receivers.badSignatures(),
                streams.reconnects(),
                deadLetters,
                pending,
                bars);
    }

    /**
     * The drain goes on for {@code drain}, and while deliveries wait to be attempted up to
     * {@link #DRAIN_WHILE_PENDING} (or {@code drain}, if longer).
     */
    private static boolean draining(long start, Duration drain, long pending) {
        long drained = System.nanoTime() - start;
        return drained < drain.toNanos() || pending > 0 && drained < DRAIN_WHILE_PENDING.toNanos();
    }

    /**
     * Delivery attempts not made yet: records on the delivery topic and its retry topics that the
     * delivery group has not consumed, and attempts parked in the database.
     */
    private long pendingDeliveries(StoredRows stored) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            return lag.lagOnTopicsStartingWith(DELIVERY_GROUP, DELIVERY_TOPICS) + stored.parkedDeliveries();
        }
    }

    /**
     * The bars of the load's symbols on stock-analytics and in storage against analytics' topology over the
     * acknowledged ticks (S1's market-data poller ticks symbols of its own).
     */
    private List<BarCheck> barChecks(ExpectedBars expected, StoredRows stored) throws Exception {
        return List.of(
                BarCheck.of(
                        "bars (stock-analytics)",
                        expected,
                        ofLoad(AnalyticsTopic.latestBars(system.bootstrapServers()))),
                BarCheck.of("bars (stored)", expected, ofLoad(stored.bars())));
    }

    private Map<BarOutcome.Key, BarOutcome> ofLoad(Map<BarOutcome.Key, BarOutcome> bars) {
        Set<org.stockalerts.common.event.Symbol> symbols = Set.copyOf(population.symbols());
        return bars.entrySet().stream()
                .filter(bar -> symbols.contains(bar.getKey().symbol()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every alert {@code ticks} could fire (one per tick and rule of its symbol), with the rule's user. */
    private Map<UUID, UUID> owners(List<PriceTick> ticks) {
        var rules = population.rules().stream().collect(Collectors.groupingBy(AlertRule::symbol));
        Map<UUID, UUID> owners = new java.util.HashMap<>();
        for (PriceTick tick : ticks) {
            for (AlertRule rule : rules.getOrDefault(tick.symbol(), List.of())) {
                owners.put(AlertIds.of(rule.ruleId(), tick.eventId()), rule.userId());
            }
        }
        return owners;
    }

    /**
     * After {@link #stopAndCheck}: every sink's check of only the alerts that the acknowledged ticks
     * {@code from} (inclusive) to {@code to} fired, such as those of a fault's duration; of these checks
     * only the lost counts mean anything (every other alert counts as unexpected in the ticks' check).
     */
    List<SinkCheck> checksOfTicks(int from, int to) throws Exception {
        List<PriceTick> slice = load.acknowledged().subList(from, to);
        var rules = population.rules().stream().collect(Collectors.groupingBy(AlertRule::symbol));
        Set<UUID> fired = new HashSet<>();
        for (PriceTick tick : slice) {
            for (AlertRule rule : rules.getOrDefault(tick.symbol(), List.of())) {
                UUID alertId = AlertIds.of(rule.ruleId(), tick.eventId());
                if (oracle.expected().contains(alertId)) {
                    fired.add(alertId);
                }
            }
        }
        Set<UUID> ignored = new HashSet<>(oracle.warmUp());
        ignored.addAll(oracle.expected());
        ignored.removeAll(fired);
        Set<UUID> ticks = slice.stream().map(PriceTick::eventId).collect(Collectors.toSet());
        return checks(new ExpectedAlerts(ignored, fired), ticks, new StoredRows(system.database()));
    }

    private List<SinkCheck> checks(ExpectedAlerts oracle, Set<UUID> ticks, StoredRows stored) throws Exception {
        List<SinkCheck> checks = new ArrayList<>();
        checks.add(SinkCheck.of("alerts-triggered", oracle.expected(), topic.alertIds(), oracle.warmUp()));
        checks.add(SinkCheck.of("stored alerts", oracle.expected(), stored.alerts(), oracle.warmUp()));
        checks.add(SinkCheck.of("webhooks (alertId)", oracle.expected(), receivers.alertIds(), oracle.warmUp()));
        checks.add(
                SinkCheck.of("delivery log DELIVERED", oracle.expected(), stored.deliveredWebhooks(), oracle.warmUp()));
        checks.addAll(streams.checks(oracle.expected(), oracle.warmUp(), owners));
        checks.add(SinkCheck.of("stored ticks", ticks, stored.ticks(), Set.of()));
        Map<String, Integer> webhookIds = receivers.webhookIds();
        int repeated = webhookIds.values().stream().mapToInt(count -> count - 1).sum();
        checks.add(new SinkCheck("webhooks (webhook-id)", webhookIds.size(), 0, repeated, 0));
        return checks;
    }

    /**
     * The outcome of a run: the measured ticks, the failed sends, one check per sink, the dead letters by
     * topic, the delivery attempts still waiting when the drain ended, one check per sink of bars.
     */
    record Verdict(
            int ticks,
            long failedSends,
            List<SinkCheck> checks,
            long badSignatures,
            long sseReconnects,
            Map<String, Long> deadLetters,
            long pendingDeliveries,
            List<BarCheck> bars) {}

    @Override
    public void close() throws Exception {
        load.close();
        topic.close();
        streams.close();
        receivers.close();
        system.close();
    }
}
