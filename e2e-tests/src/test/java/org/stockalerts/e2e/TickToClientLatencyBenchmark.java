package org.stockalerts.e2e;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.JsonEventSerializer;
import org.stockalerts.common.kafka.StockAlertsKafkaConfiguration;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.e2e.AlertArrivals.Probe;
import org.stockalerts.testsupport.TestDatabase;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * Latency from a tick produced on stock-prices to the alert it fires arriving (1) at a
 * read_committed consumer of alerts-triggered, (2) on the owner's SSE stream of api-service, (3)
 * at the owner's webhook receiver and (4) as a row in the stored alerts, with the whole system running:
 * all four services as their own processes from their executable jars, with default settings, and
 * api-service's market-data poller on the simulated feed (15 symbols of its own, a tick each a second),
 * on an in-process KRaft broker and a fresh database on the local PostgreSQL. With
 * {@code --two-services} only alert-consumer (engine, fan-out, delivery) and api-service run, and (4) is
 * not measured. Each phase also reports the CPU each process used.
 *
 * <p>Workload: {@value #SYMBOLS} symbols ticking in turn at {@code rate} ticks/s; each has one
 * CROSSES_UP 100 rule (REARM, margin 0.50, channels IN_APP and WEBHOOK). Every tenth tick is at 101
 * and crosses its rule, the others at 99 re-arm it: 10 % of the ticks fire. {@code users} users, each
 * with one webhook and one open alert stream, own the rules in turn, except every tenth rule, which
 * belongs to one more user whose webhook never answers; that webhook is added only for the second
 * phase. Phases: until every rule has fired on every path it has (rules loaded, at most 3 min), a
 * {@value #WARM_UP_SECONDS} s warm-up at the rate, {@code seconds} measured with healthy receivers
 * only, then {@code seconds} measured with the never-answering one. Webhook figures are the healthy
 * receivers'. Alerts still missing {@value #DRAIN_SECONDS} s after a phase's last tick are reported as
 * missing. Every sample is written to {@code e2e-tests/target/tick-to-client-latencies.csv} (phase, path, symbol, ms since the phase's first
 * firing tick, latency ms; empty when missing). Not a test: run it with {@code benchmarks/run-tick-to-client.sh [seconds 30] [ticks/s 1000]
 * [users 50] [--two-services]}. Environment variables named {@code STOCKALERTS_*} are passed on to the services.
 */
public final class TickToClientLatencyBenchmark {

    private static final int SYMBOLS = 97; // not a multiple of 10: a symbol's next tick after a crossing is below
    private static final int FIRING_EVERY = 10;
    private static final int WARM_UP_SECONDS = 60;
    private static final int DRAIN_SECONDS = 60;
    private static final Duration RULES_LOADED = Duration.ofMinutes(3);
    private static final Path SAMPLES = Path.of("target/tick-to-client-latencies.csv");
    private static final BigDecimal BELOW = new BigDecimal("99.00");
    private static final BigDecimal ABOVE = new BigDecimal("101.00");

    private final int rate;
    private final boolean wholeSystem;
    private final BenchmarkServices services;
    private final KafkaProducer<String, Object> producer;
    private final AlertArrivals arrivals;
    private final List<Symbol> symbols = new ArrayList<>();
    private final Set<Symbol> stuckUsersSymbols = new HashSet<>();
    private long sequence;

    /** A firing tick: the symbol it crossed, and when it was produced ({@link System#nanoTime()}). */
    private record Fired(Symbol symbol, long producedAt) {}

    private TickToClientLatencyBenchmark(
            int rate,
            boolean wholeSystem,
            BenchmarkServices services,
            KafkaProducer<String, Object> producer,
            AlertArrivals arrivals) {
        this.rate = rate;
        this.wholeSystem = wholeSystem;
        this.services = services;
        this.producer = producer;
        this.arrivals = arrivals;
        symbolNames().forEach(name -> symbols.add(Symbol.of(name)));
    }

    private static List<String> symbolNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < SYMBOLS; i++) {
            names.add(String.format(Locale.ROOT, "TL%03d", i));
        }
        return names;
    }

    public static void main(String[] arguments) throws Exception {
        boolean wholeSystem = !List.of(arguments).contains("--two-services");
        String[] args = Stream.of(arguments).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        int seconds = argument(args, 0, 30);
        int rate = argument(args, 1, 1000);
        int users = argument(args, 2, 50);
        System.out.printf("load average at start: %s%n", loadAverage());
        String kafka = TestKafka.bootstrapServers();
        try (PrintWriter samples = new PrintWriter(Files.newBufferedWriter(SAMPLES));
                BenchmarkServices services = new BenchmarkServices(kafka, wholeSystem, symbolNames());
                AlertArrivals arrivals = new AlertArrivals();
                KafkaProducer<String, Object> producer = producer(kafka)) {
            TickToClientLatencyBenchmark benchmark =
                    new TickToClientLatencyBenchmark(rate, wholeSystem, services, producer, arrivals);
            String[] stuckUser = benchmark.setUp(users);
            arrivals.watchTopic(kafka);
            if (wholeSystem) {
                arrivals.watchStoredAlerts(TestDatabase.endpoint());
            }
            benchmark.awaitRulesLoaded();
            benchmark.run(WARM_UP_SECONDS);
            System.out.printf(
                    "%d ticks/s, %d %% firing, %d symbols, %d users, %s%n",
                    rate,
                    100 / FIRING_EVERY,
                    SYMBOLS,
                    users,
                    wholeSystem
                            ? "the whole system (and the poller's simulated feed: "
                                    + BenchmarkServices.POLLED_SYMBOLS.size() + " symbols, 1 tick/s each)"
                            : "alert-consumer and api-service only");
            System.out.println("| phase | tick produced → | alerts | missing | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
            samples.println("phase,path,symbol,produced_ms,latency_ms");
            benchmark.report("healthy receivers only", benchmark.measure(seconds), samples);
            System.out.printf("load average: %s%n", loadAverage());
            services.call(
                    "POST",
                    "/users/" + stuckUser[0] + "/channels",
                    stuckUser[1],
                    webhook(arrivals.stuckWebhookAddress(stuckUser[0])));
            benchmark.report("+ 1 never-answering receiver (every 10th rule)", benchmark.measure(seconds), samples);
            System.out.printf("load average: %s%n", loadAverage());
            System.out.printf("every sample: %s%n", SAMPLES.toAbsolutePath());
        }
        System.exit(0);
    }

    /**
     * Registers the users, their webhooks and rules through the API, and opens their alert streams;
     * returns the id and key of the user whose webhook will never answer (not added yet).
     */
    private String[] setUp(int users) throws Exception {
        List<String[]> accounts = new ArrayList<>();
        for (int u = 0; u <= users; u++) {
            JsonNode user = services.call("POST", "/users", null, "{\"name\":\"Latency " + u + "\"}");
            String[] account = {user.get("id").asString(), user.get("apiKey").asString()};
            accounts.add(account);
            if (u < users) {
                services.call(
                        "POST",
                        "/users/" + account[0] + "/channels",
                        account[1],
                        webhook(arrivals.webhookAddress(account[0])));
            }
            arrivals.watchStream(services.apiBaseUrl(), account[0], account[1]);
        }
        String[] stuck = accounts.get(users);
        int healthyRules = 0;
        for (int s = 0; s < SYMBOLS; s++) {
            Symbol symbol = symbols.get(s);
            String[] owner;
            if (s % FIRING_EVERY == FIRING_EVERY - 1) {
                owner = stuck;
                stuckUsersSymbols.add(symbol);
            } else {
                owner = accounts.get(healthyRules++ % users);
            }
            services.call(
                    "POST",
                    "/alerts",
                    owner[1],
                    "{\"symbol\":\"" + symbol.value() + "\",\"condition\":\"CROSSES_UP\",\"threshold\":100.00,"
                            + "\"triggerMode\":\"REARM\",\"rearmMargin\":0.50,\"channels\":[\"IN_APP\",\"WEBHOOK\"]}");
        }
        return stuck;
    }

    private static String webhook(String address) {
        return "{\"type\":\"WEBHOOK\",\"address\":\"" + address + "\"}";
    }

    /** Crosses every symbol's rule, again every two seconds, until each has fired on every path it has. */
    private void awaitRulesLoaded() {
        long deadline = System.nanoTime() + RULES_LOADED.toNanos();
        Map<UUID, Fired> crossings = new HashMap<>();
        while (true) {
            for (Symbol symbol : symbols) {
                send(symbol, BELOW);
                crossings.put(send(symbol, ABOVE), new Fired(symbol, System.nanoTime()));
            }
            producer.flush();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            long loaded = crossings.entrySet().stream()
                    .filter(crossing -> arrivedEverywhere(crossing.getKey(), crossing.getValue()))
                    .map(crossing -> crossing.getValue().symbol())
                    .distinct()
                    .count();
            System.out.printf("rules that fired on every path they have: %d of %d%n", loaded, SYMBOLS);
            if (loaded == SYMBOLS) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every rule fired within " + RULES_LOADED);
            }
        }
    }

    /** The paths measured: the stored alerts only with the whole system running. */
    private List<Probe> probes() {
        return Stream.of(Probe.values())
                .filter(probe -> wholeSystem || probe != Probe.STORED)
                .toList();
    }

    /** The paths an alert of {@code tick}'s symbol is expected on: the stuck user's webhook is never reached. */
    private List<Probe> paths(Fired tick) {
        return probes().stream()
                .filter(probe -> probe != Probe.WEBHOOK || !stuckUsersSymbols.contains(tick.symbol()))
                .toList();
    }

    private boolean arrivedEverywhere(UUID tick, Fired fired) {
        return paths(fired).stream().allMatch(probe -> arrivals.arrivedAt(probe, tick) != null);
    }

    /** {@link #run}, and prints the CPU each process used meanwhile, in % of one core. */
    private Map<UUID, Fired> measure(int seconds) {
        Map<String, Duration> before = services.cpuTimes();
        long start = System.nanoTime();
        Map<UUID, Fired> fired = run(seconds);
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Duration> after = services.cpuTimes();
        StringBuilder line = new StringBuilder("CPU while ticking (% of one core):");
        after.forEach((process, used) -> line.append(String.format(
                Locale.ROOT,
                " %s %.0f;",
                process,
                (used.minus(before.getOrDefault(process, Duration.ZERO)).toNanos() / 1e9) / wall * 100)));
        System.out.println(line);
        return fired;
    }

    /** Produces ticks at the rate for {@code seconds}; returns the firing ones. */
    private Map<UUID, Fired> run(int seconds) {
        Map<UUID, Fired> fired = new HashMap<>();
        long total = (long) seconds * rate;
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long wait = start + n * 1_000_000_000L / rate - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long i = sequence++;
            boolean fires = i % FIRING_EVERY == 0;
            Symbol symbol = symbols.get((int) (i % SYMBOLS));
            long producedAt = System.nanoTime();
            UUID tick = send(symbol, fires ? ABOVE : BELOW);
            if (fires) {
                fired.put(tick, new Fired(symbol, producedAt));
            }
        }
        producer.flush();
        return fired;
    }

    private UUID send(Symbol symbol, BigDecimal price) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        producer.send(new ProducerRecord<>(
                Topics.STOCK_PRICES.name(),
                symbol.value(),
                PriceTick.of(id, now, symbol, price, TickSource.REPLAY, now)));
        return id;
    }

    /** Waits for the alerts of {@code fired} (at most {@value #DRAIN_SECONDS} s), then prints a row per path. */
    private void report(String phase, Map<UUID, Fired> fired, PrintWriter samples) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (System.nanoTime() < deadline
                && !fired.entrySet().stream().allMatch(tick -> arrivedEverywhere(tick.getKey(), tick.getValue()))) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        long phaseStart =
                fired.values().stream().mapToLong(Fired::producedAt).min().orElse(0);
        for (Probe probe : probes()) {
            List<Map.Entry<UUID, Fired>> expected = fired.entrySet().stream()
                    .filter(tick -> paths(tick.getValue()).contains(probe))
                    .toList();
            expected.forEach(tick -> {
                Long arrived = arrivals.arrivedAt(probe, tick.getKey());
                samples.printf(
                        Locale.ROOT,
                        "%s,%s,%s,%.1f,%s%n",
                        phase,
                        probe,
                        tick.getValue().symbol().value(),
                        (tick.getValue().producedAt() - phaseStart) / 1e6,
                        arrived == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "%.1f",
                                        (arrived - tick.getValue().producedAt()) / 1e6));
            });
            double[] millis = expected.stream()
                    .filter(tick -> arrivals.arrivedAt(probe, tick.getKey()) != null)
                    .mapToDouble(tick -> (arrivals.arrivedAt(probe, tick.getKey())
                                    - tick.getValue().producedAt())
                            / 1e6)
                    .sorted()
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    phase,
                    probe,
                    millis.length,
                    expected.size() - millis.length,
                    percentile(millis, 50),
                    percentile(millis, 90),
                    percentile(millis, 99),
                    millis.length == 0 ? Double.NaN : millis[millis.length - 1]);
        }
    }

    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static KafkaProducer<String, Object> producer(String kafka) {
        Map<String, Object> config = new HashMap<>(StockAlertsKafkaConfiguration.PRODUCER_GUARANTEES);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        return new KafkaProducer<>(config, new StringSerializer(), new JsonEventSerializer<>());
    }

    private static int argument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
