package org.stockalerts.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.stockalerts.alerting.engine.AlertEngineTopology;
import org.stockalerts.alerting.engine.EngineSettings;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.EventSerdes;
import org.stockalerts.common.kafka.KafkaSettings;
import org.stockalerts.common.kafka.StockAlertsStreamsConfiguration;
import org.stockalerts.common.kafka.TicksBySymbol;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;

/**
 * The alert engine on a real (in-process KRaft) broker, as the service runs it: exactly-once v2,
 * RocksDB stores with changelogs, and the Streams settings of alert-consumer's {@code
 * application.yml} (commit interval, cache, stream threads; environment variables apply). Phases: load the rules, restart with
 * pre-produced ticks (start-up to first alert, sustained throughput), a bare deserializing consumer
 * on the same ticks, latency at a fixed rate, and the seed's PostgreSQL approach (see
 * {@link SeedBaseline}).
 *
 * <p>Arguments: rules (1,000,000), symbols (5,000), ticks (500,000), latency rate per second (5,000),
 * latency seconds (20), baseline ticks (2,000; 0 skips the baseline), how ticks are keyed and
 * partitioned ({@link TickKeys}: {@code java}, the default, {@code crc32} or {@code keyless}).
 */
public final class AlertEngineBenchmark {

    private static final Instant EVENT_TIME = Instant.parse("2026-03-02T14:30:00Z");
    private static final String EXPERIMENT_PREFIX = "bench.streams.";

    private final String bootstrap;
    private final Path stateDir;
    private final String applicationId = "alert-engine-bench";
    private final BenchmarkWorkload workload;
    private final TickKeys tickKeys;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, String> serviceSettings = ServiceStreamsSettings.of(AlertEngineTopology.class);
    private final EngineSettings engineSettings = new EngineSettings(
            Duration.ofMinutes(1),
            Duration.parse(ServiceStreamsSettings.setting(
                    AlertEngineTopology.class, "stockalerts.engine.expedite-commit-within")));

    private AlertEngineBenchmark(String bootstrap, Path stateDir, BenchmarkWorkload workload, TickKeys tickKeys) {
        this.bootstrap = bootstrap;
        this.stateDir = stateDir;
        this.workload = workload;
        this.tickKeys = tickKeys;
    }

    public static void main(String[] args) throws Exception {
        int rules = arg(args, 0, 1_000_000);
        int symbols = arg(args, 1, 5_000);
        int ticks = arg(args, 2, 500_000);
        int rate = arg(args, 3, 5_000);
        int latencySeconds = arg(args, 4, 20);
        int baselineTicks = arg(args, 5, 2_000);
        TickKeys tickKeys = args.length > 6 ? TickKeys.of(args[6]) : TickKeys.JAVA;
        try (BenchmarkBroker broker = BenchmarkBroker.start()) {
            BenchmarkWorkload workload = new BenchmarkWorkload(new Random(7), rules, symbols);
            AlertEngineBenchmark benchmark = new AlertEngineBenchmark(
                    broker.bootstrap(), Files.createTempDirectory("alert-engine-bench"), workload, tickKeys);
            benchmark.run(ticks, rate, latencySeconds);
            if (baselineTicks > 0) {
                SeedBaseline.run(workload, baselineTicks, benchmark.engineRate);
            }
        }
        System.exit(0);
    }

    private double engineRate;

    private void run(int ticks, int rate, int latencySeconds) throws Exception {
        createTopics();
        print(
                "rules %,d over %,d symbols; ticks %,d keyed %s; latency at %,d ticks/s for %d s%n",
                workload.rules().size(),
                workload.symbols().size(),
                ticks,
                tickKeys.name().toLowerCase(Locale.ROOT),
                rate,
                latencySeconds);
        long heapBefore = usedHeapAfterGc();
        long loadStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (AlertRule rule : workload.rules()) {
                AlertRuleChanged change = new AlertRuleChanged(UUID.randomUUID(), EVENT_TIME, 1, rule);
                producer.send(new ProducerRecord<>(
                        Topics.ALERT_RULES.name(), rule.ruleId().toString(), EventJson.write(change)));
            }
        }
        KafkaStreams engine = startEngine();
        awaitCaughtUp(Topics.ALERT_RULES.name(), Duration.ofMinutes(20));
        awaitCaughtUp(applicationId + "-engine-rules-by-symbol-repartition", Duration.ofMinutes(20));
        print("rules produced and loaded by the engine in %.1f s%n", seconds(loadStart));
        long heapLoaded = usedHeapAfterGc();
        engine.close(leavingGroup());
        engine = null;
        long heapClosed = usedHeapAfterGc();
        print(
                "heap used after GC: before %d MiB, engine running with the rules %d MiB, after closing it %d MiB"
                        + " -> engine with its rules ~%d MiB%n",
                mib(heapBefore), mib(heapLoaded), mib(heapClosed), mib(heapLoaded - heapClosed));

        List<byte[]> tickPayloads = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            PriceTick tick = workload.nextTick(TickSource.REPLAY, Instant.now());
            symbols.add(tick.symbol().value());
            tickPayloads.add(EventJson.write(tick));
        }
        try (KafkaProducer<String, byte[]> producer = producer(tickKeys.producerSettings())) {
            for (int i = 0; i < ticks; i++) {
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), tickKeys.key(symbols.get(i)), tickPayloads.get(i)));
            }
        }
        long alertsBefore = countAlerts();
        long startupStart = System.nanoTime();
        engine = startEngine();
        long firstAlert;
        try (KafkaConsumer<String, byte[]> alerts = alertConsumer(true)) {
            firstAlert = awaitFirstAlert(alerts, Duration.ofMinutes(5));
            print(
                    "start-up with %,d rules (restart on its state directory) to first alert: %.1f s%n",
                    workload.rules().size(), (firstAlert - startupStart) / 1e9);
        }
        // ticks not yet evaluated at the first alert: not yet read from stock-prices, or re-routed and not yet read
        // from the repartition topic (whose end offsets also count a few transaction markers)
        long pendingAtFirstAlert = ticks - committed(Topics.STOCK_PRICES.name()) + rerouteBacklog();
        awaitCaughtUp(Topics.STOCK_PRICES.name(), Duration.ofMinutes(30));
        awaitCaughtUp(reroutedTicks(), Duration.ofMinutes(30));
        double elapsed = seconds(startupStart);
        engineRate = pendingAtFirstAlert / seconds(firstAlert);
        long fired = countAlerts() - alertsBefore;
        print(
                "engine: %,d ticks in %.1f s from start (%,.0f ticks/s incl. start-up); sustained after start-up: %,d ticks"
                        + " in %.1f s = %,.0f ticks/s; %,d alerts (%.2f per 100 ticks)%n",
                ticks,
                elapsed,
                ticks / elapsed,
                pendingAtFirstAlert,
                seconds(firstAlert),
                engineRate,
                fired,
                100.0 * fired / ticks);
        print(
                "ticks re-routed to their symbol's partition: %,.0f, re-keyed on it: %,.0f; not evaluated (not newer"
                        + " than their symbol's last): %,.0f%n",
                meters.get(TicksBySymbol.REROUTED_METRIC).counter().count(),
                meters.get(TicksBySymbol.REKEYED_METRIC).counter().count(),
                meters.get(AlertEngineTopology.IGNORED_TICKS_METRIC).counters().stream()
                        .mapToDouble(counter -> counter.count())
                        .sum());
        double bare = bareConsumerRate(ticks);
        print(
                "bare deserializing consumer on the same ticks: %,.0f ticks/s; engine (sustained)/bare = %.2f%n",
                bare, engineRate / bare);
        double passThrough = passThroughRate(ticks);
        print(
                "pass-through Streams app (same settings, deserializes and drops every tick): %,.0f ticks/s;"
                        + " engine/pass-through = %.2f, pass-through/bare = %.2f%n",
                passThrough, engineRate / passThrough, passThrough / bare);
        Map<String, Double> commitsBefore = commitMetrics(engine);
        latency(rate, latencySeconds);
        Map<String, Double> commitsAfter = commitMetrics(engine);
        double commits = commitsAfter.get("commit-total") - commitsBefore.get("commit-total");
        print(
                "commits of the engine during the latency phase: %,.0f (%.0f/s); per commit: producer flush %.1f ms,"
                        + " send offsets %.1f ms, commit transaction %.1f ms; produce retries %,.0f%n",
                commits,
                commits / latencySeconds,
                perCommitMs(commitsBefore, commitsAfter, "flush-time-ns-total", commits),
                perCommitMs(commitsBefore, commitsAfter, "txn-send-offsets-time-ns-total", commits),
                perCommitMs(commitsBefore, commitsAfter, "txn-commit-time-ns-total", commits),
                commitsAfter.get("record-retry-total") - commitsBefore.get("record-retry-total"));
        BrokerRequestTimes.print();
        engine.close(leavingGroup());
    }

    /**
     * Ticks at a fixed rate from this thread, which sleeps between them; alerts read by a second
     * thread that blocks in poll, so neither spins on a core the engine needs. The alerts topic
     * stamps records with the broker's append time, which splits each latency in two: tick produced
     * to alert appended (the producer's linger, the engine's fetch, evaluation and the start of its
     * commit) and alert appended to readable (the rest of the commit and the reader's fetch).
     */
    private void latency(int rate, int seconds) throws Exception {
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(
                () -> {
                    try (KafkaConsumer<String, byte[]> alerts = alertConsumer(true)) {
                        alerts.poll(Duration.ofMillis(500));
                        alerts.seekToEnd(alerts.assignment());
                        alerts.poll(Duration.ofMillis(100));
                        ready.countDown();
                        while (reading.get()) {
                            drain(alerts, latencies, Duration.ofMillis(100));
                        }
                    }
                },
                "latency-reader");
        reader.start();
        ready.await();
        try (KafkaProducer<String, byte[]> producer = producer(tickKeys.producerSettings())) {
            long total = (long) rate * seconds;
            long start = System.nanoTime();
            for (long sent = 0; sent < total; sent++) {
                long wait = start + sent * 1_000_000_000L / rate - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                PriceTick tick = workload.nextTick(TickSource.SIMULATED, Instant.now());
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), tickKeys.key(tick.symbol().value()), EventJson.write(tick)));
            }
        }
        Thread.sleep(5_000);
        reading.set(false);
        reader.join();
        long[][] parts = new long[3][];
        synchronized (latencies) {
            for (int part = 0; part < parts.length; part++) {
                int index = part;
                parts[part] = latencies.stream()
                        .mapToLong(latency -> latency[index])
                        .sorted()
                        .toArray();
            }
        }
        print(
                "latency tick produced -> alert read (read_committed) at %,d ticks/s: %,d alerts, %s; of which"
                        + " produced -> alert appended %s, appended -> read %s%n",
                rate, parts[0].length, distribution(parts[0]), distribution(parts[1]), distribution(parts[2]));
    }

    /** Commit count of the stream threads and time totals of their transactional producers. */
    private static Map<String, Double> commitMetrics(KafkaStreams engine) {
        Map<String, Double> totals = new HashMap<>();
        List<String> names = List.of(
                "commit-total",
                "flush-time-ns-total",
                "txn-send-offsets-time-ns-total",
                "txn-commit-time-ns-total",
                "record-retry-total");
        engine.metrics().forEach((name, metric) -> {
            boolean thread =
                    name.group().equals("stream-thread-metrics") && name.name().equals("commit-total");
            boolean producer = name.group().equals("producer-metrics") && names.contains(name.name());
            if ((thread || producer) && metric.metricValue() instanceof Number value) {
                totals.merge(name.name(), value.doubleValue(), Double::sum);
            }
        });
        names.forEach(name -> totals.putIfAbsent(name, 0.0));
        return totals;
    }

    private static double perCommitMs(
            Map<String, Double> before, Map<String, Double> after, String name, double commits) {
        return commits == 0 ? 0 : (after.get(name) - before.get(name)) / commits / 1e6;
    }

    /** Per alert of a simulated tick: total, produced to appended, appended to read, in ms. */
    private static void drain(KafkaConsumer<String, byte[]> alerts, List<long[]> latencies, Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : alerts.poll(timeout)) {
            AlertTriggered alert = EventJson.read(record.value(), AlertTriggered.class, record.topic());
            if (alert.tick() != null && alert.tick().source() == TickSource.SIMULATED) {
                long produced = alert.tick().occurredAt().toEpochMilli();
                long read = System.currentTimeMillis();
                latencies.add(new long[] {read - produced, record.timestamp() - produced, read - record.timestamp()});
            }
        }
    }

    private static String distribution(long[] sorted) {
        return "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms"
                .formatted(
                        percentile(sorted, 50),
                        percentile(sorted, 90),
                        percentile(sorted, 99),
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    /**
     * A consumer that only deserializes the ticks, timed like the engine's sustained rate: from the
     * first batch it receives (after joining its group) to its last tick; the first batch is not
     * counted.
     */
    private double bareConsumerRate(int ticks) {
        Map<String, Object> config = consumerConfig("bare-" + UUID.randomUUID(), true);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STOCK_PRICES.name()));
            long read = 0;
            long first = 0;
            long start = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (read < ticks && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    EventJson.read(record.value(), PriceTick.class, record.topic());
                }
                if (start == 0 && !records.isEmpty()) {
                    start = System.nanoTime();
                    first = records.count();
                }
                read += records.count();
            }
            return (read - first) / seconds(start);
        }
    }

    /**
     * Kafka Streams' own floor: a topology that deserializes every tick and drops it, with the
     * engine's settings (exactly-once v2, commit interval, threads), timed from its first tick to
     * its last.
     */
    private double passThroughRate(int ticks) throws InterruptedException {
        StreamsBuilder builder = new StreamsBuilder();
        AtomicLong seen = new AtomicLong();
        AtomicLong firstAt = new AtomicLong();
        builder.stream(Topics.STOCK_PRICES.name(), Consumed.with(Serdes.String(), EventSerdes.of(Topics.STOCK_PRICES)))
                .foreach((symbol, tick) -> {
                    if (seen.getAndIncrement() == 0) {
                        firstAt.set(System.nanoTime());
                    }
                });
        Properties properties = streamsProperties("pass-through-" + UUID.randomUUID());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen.get() < ticks && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            double rate = (seen.get() - 1) / seconds(firstAt.get());
            streams.close(leavingGroup());
            return rate;
        }
    }

    /** A restarted instance then need not wait for the old member's session to time out. */
    private static CloseOptions leavingGroup() {
        return CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofMinutes(1));
    }

    private KafkaStreams startEngine() {
        StreamsBuilder builder = new StreamsBuilder();
        new AlertEngineTopology(engineSettings, meters).addTo(builder);
        KafkaStreams streams = new KafkaStreams(builder.build(), streamsProperties(applicationId));
        streams.start();
        return streams;
    }

    /** The engine's Streams settings under {@code applicationId}, with a state directory of its own. */
    private Properties streamsProperties(String applicationId) {
        Properties properties = new Properties();
        StockAlertsStreamsConfiguration.defaults(new KafkaSettings((short) 1, false, 0, Duration.ZERO))
                .forEach(properties::put);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(
                StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
        properties.putAll(serviceSettings);
        // experiments: -Dbench.streams.<setting>=<value> (through BENCH_JAVA_OPTS) overrides a Streams setting
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(EXPERIMENT_PREFIX))
                .forEach(name -> properties.put(name.substring(EXPERIMENT_PREFIX.length()), System.getProperty(name)));
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return properties;
    }

    private long awaitFirstAlert(KafkaConsumer<String, byte[]> alerts, Duration timeout) {
        alerts.poll(Duration.ofMillis(100));
        alerts.seekToEnd(alerts.assignment());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alerts.poll(Duration.ofMillis(50)).isEmpty()) {
                return System.nanoTime();
            }
        }
        throw new IllegalStateException("no alert within " + timeout);
    }

    private long countAlerts() throws Exception {
        try (Admin admin = admin()) {
            return endOffsets(admin, Topics.ALERTS_TRIGGERED.name()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** The repartition topic of the ticks that arrive off their symbol's partition. */
    private String reroutedTicks() {
        return applicationId + "-engine-ticks-by-symbol-repartition";
    }

    private long rerouteBacklog() throws Exception {
        try (Admin admin = admin()) {
            long written = endOffsets(admin, reroutedTicks()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            return written - committed(reroutedTicks());
        }
    }

    private long committed(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin
                    .listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .entrySet()
                    .stream()
                    .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset())
                    .sum();
        }
    }

    private void awaitCaughtUp(String topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> ends = endOffsets(admin, topic);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata()
                        .get();
                boolean done = ends.entrySet().stream()
                        .allMatch(end -> end.getValue() == 0
                                || committed.get(end.getKey()) != null
                                        && committed.get(end.getKey()).offset() >= end.getValue());
                if (done) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("engine did not catch up on " + topic + " within " + timeout);
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < Topics.STOCK_PRICES.partitions(); partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private void createTopics() throws Exception {
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            for (TopicSpec<?> topic : Topics.ALL) {
                Map<String, String> configs = new HashMap<>(topic.configs());
                if (topic == Topics.ALERTS_TRIGGERED) {
                    // the latency phase reads when each alert was appended (see latency())
                    configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
                }
                topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(configs));
                topics.add(new NewTopic(topic.deadLetterTopic(), topic.partitions(), (short) 1));
            }
            admin.createTopics(topics).all().get();
            // producing before every partition has its leader can leave an idempotent producer retrying forever
            List<String> names = topics.stream().map(NewTopic::name).toList();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(partition ->
                            partition.leader() != null && !partition.leader().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topics have no leaders after a minute");
                }
                Thread.sleep(50);
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    /** Ticks and rules are sent with {@code linger.ms} 5, as the services send them (Kafka's default). */
    private KafkaProducer<String, byte[]> producer() {
        return producer(Map.of());
    }

    private KafkaProducer<String, byte[]> producer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> alertConsumer(boolean readCommitted) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                consumerConfig("alerts-" + UUID.randomUUID(), readCommitted),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ALERTS_TRIGGERED.name()));
        return consumer;
    }

    private Map<String, Object> consumerConfig(String group, boolean readCommitted) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index].replace("_", "")) : fallback;
    }

    static void print(String format, Object... values) {
        System.out.printf(format, values);
        System.out.flush();
    }
}
