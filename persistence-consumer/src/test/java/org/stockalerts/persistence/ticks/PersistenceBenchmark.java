package org.stockalerts.persistence.ticks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.persistence.PersistenceConsumerApplication;
import org.stockalerts.persistence.ingest.BinaryCopy;
import org.stockalerts.testsupport.TestDatabase;
import org.stockalerts.testsupport.TestKafka;

/**
 * Ticks per second from Kafka into PostgreSQL through the service with its default settings,
 * against a raw COPY of the same rows into the same table in the same run. Not a test: run it with
 * {@code benchmarks/run-persistence.sh [ticks]}. It uses the test infrastructure (an in-process
 * KRaft broker and a fresh database on the local PostgreSQL), so the broker, the service and
 * PostgreSQL share the machine's cores.
 *
 * <p>Every timed phase starts from an empty, analyzed table after a checkpoint. A warm-up round
 * runs every phase once and the listener drains a backlog of other ticks first, so that measured
 * phases run compiled code. Then three rounds run the raw COPYs, the writer and the Kafka drain
 * back to back; the ratio is taken within each round and the medians are summed up at the end. The
 * Kafka rate counts the ticks committed after the first offset commit of a drain, over the time to
 * the last one: sustained throughput, without the group join.
 */
public final class PersistenceBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PersistenceBenchmark.class);
    private static final int DEFAULT_TICKS = 1_000_000;
    private static final int MAX_WARM_UP_TICKS = 250_000;
    private static final int WRITER_BATCH = 10_000;
    private static final int ROUNDS = 3;
    private static final String TICKS_LISTENER = "persistence-consumer-ticks";
    private static final Duration POLL = Duration.ofMillis(100);

    private final List<PriceTick> ticks;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final PriceTickWriter writer;
    private final MessageListenerContainer listener;
    private final AdminClient admin;
    /** The server's processes when it runs on this machine, for the CPU it uses; else empty. */
    private List<Long> postgres = List.of();

    private PersistenceBenchmark(List<PriceTick> ticks, ConfigurableApplicationContext app, AdminClient admin) {
        this.ticks = ticks;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.dataSource = app.getBean(DataSource.class);
        this.transactions = app.getBean(TransactionTemplate.class);
        this.writer = app.getBean(PriceTickWriter.class);
        this.listener = app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(TICKS_LISTENER);
        this.admin = admin;
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            benchmark(args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_TICKS);
        } catch (Exception | Error e) {
            log.error("benchmark failed", e);
            status = 1;
        } finally {
            // the in-process broker's threads would keep the JVM alive
            System.exit(status);
        }
    }

    private static void benchmark(int count) throws Exception {
        List<PriceTick> warmUp = BenchmarkTicks.generate(Math.min(count, MAX_WARM_UP_TICKS));
        List<PriceTick> ticks = BenchmarkTicks.generate(count);
        String brokers = TestKafka.bootstrapServers();
        TestDatabase.Endpoint db = TestDatabase.endpoint();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers));
                ConfigurableApplicationContext app = new SpringApplicationBuilder(PersistenceConsumerApplication.class)
                        .run(
                                "--spring.kafka.bootstrap-servers=" + brokers,
                                "--spring.datasource.url=" + db.jdbcUrl(),
                                "--spring.datasource.username=" + db.username(),
                                "--spring.datasource.password=" + db.password(),
                                "--spring.kafka.listener.auto-startup=false",
                                "--spring.main.web-application-type=none")) {
            PersistenceBenchmark benchmark = new PersistenceBenchmark(ticks, app, admin);
            benchmark.run(brokers, warmUp);
        }
    }

    /**
     * A warm-up round of every phase, then {@value #ROUNDS} measured rounds, each with the raw COPYs,
     * the writer and the Kafka drain back to back, so that a change in what else runs on the machine
     * weighs on all of them alike; the ratio is taken within each round.
     */
    private void run(String brokers, List<PriceTick> warmUp) throws Exception {
        byte[] text = BenchmarkTicks.copyText(ticks);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        PriceTickWriter.encode(ticks, encoded::write);
        byte[] binary = encoded.toByteArray();
        writeWithoutKafka("warm-up, ", text, binary);
        warmUpListener(brokers, warmUp);
        long committed = warmUp.size();
        List<Double> ofBinary = new ArrayList<>();
        List<Double> ofText = new ArrayList<>();
        List<Double> kafkaRates = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf(Locale.ROOT, "BENCH round %d of %d%n", round, ROUNDS);
            Rates raw = writeWithoutKafka("", text, binary);
            BenchmarkTicks.produce(brokers, ticks);
            double kafka = kafkaToPostgres(committed);
            committed += ticks.size();
            kafkaRates.add(kafka);
            ofBinary.add(kafka / raw.binary());
            ofText.add(kafka / raw.text());
        }
        System.out.printf(
                Locale.ROOT,
                "BENCH SUMMARY Kafka -> PostgreSQL sustained, median of %d rounds: %,.0f ticks/s (rounds: %s); "
                        + "%.0f %% of the binary raw COPY and %.0f %% of the text raw COPY of the same round (rounds: %s)%n",
                ROUNDS,
                median(kafkaRates),
                joined(kafkaRates, 1, "%,.0f"),
                100 * median(ofBinary),
                100 * median(ofText),
                joined(ofBinary, 100, "%.0f %%"));
    }

    private record Rates(double text, double binary) {}

    /** Raw COPYs of all rows in one statement, the service's writer in its batches, and all of it again. */
    private Rates writeWithoutKafka(String round, byte[] text, byte[] binary) {
        double rawText = timed(round + "raw COPY into price_ticks, text, one statement", () -> rawCopy("", text));
        double rawBinary = timed(
                round + "raw COPY into price_ticks, binary, one statement",
                () -> rawCopy(" " + BinaryCopy.FORMAT, binary));
        timed(round + "writer alone: binary COPY into price_ticks, " + WRITER_BATCH + " a transaction", this::batched);
        long start = System.nanoTime();
        int again = batched();
        if (again != 0) {
            throw new IllegalStateException("writing every tick again inserted " + again + " rows");
        }
        report(round + "writer alone, every tick again (staging + ON CONFLICT DO NOTHING)", rate(start));
        return new Rates(rawText, rawBinary);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String joined(List<Double> values, double factor, String format) {
        return String.join(
                ", ",
                values.stream()
                        .map(value -> String.format(Locale.ROOT, format, value * factor))
                        .toList());
    }

    /** Drains a backlog of other ticks, so that the listener's code is compiled before the measured drain. */
    private void warmUpListener(String brokers, List<PriceTick> warmUp) throws Exception {
        BenchmarkTicks.produce(brokers, warmUp);
        listener.start();
        while (committedOffsets() < warmUp.size()) {
            Thread.sleep(POLL.toMillis());
        }
        listener.stop();
        System.out.printf(Locale.ROOT, "BENCH listener warmed up on %,d other ticks%n", warmUp.size());
    }

    /**
     * Drains the measured ticks through the service's ticks listener: from the first offset commit
     * to the last (sustained), and from the listener's start (with the group join), for reference.
     */
    private double kafkaToPostgres(long alreadyCommitted) throws Exception {
        prepareTable();
        long target = alreadyCommitted + ticks.size();
        MachineLoad startLoad = MachineLoad.now(postgres);
        listener.start();
        long committed = alreadyCommitted;
        MachineLoad first = null;
        long firstCommitted = 0;
        while (committed < target) {
            Thread.sleep(POLL.toMillis());
            committed = committedOffsets();
            if (first == null && committed > alreadyCommitted) {
                first = MachineLoad.now(postgres);
                firstCommitted = committed;
            }
        }
        MachineLoad end = MachineLoad.now(postgres);
        listener.stop();
        checkStored();
        double sustained = (target - firstCommitted) / ((end.at() - first.at()) / 1e9);
        report(
                "Kafka -> PostgreSQL, from listener start (with group join)",
                ticks.size() / ((end.at() - startLoad.at()) / 1e9));
        report("Kafka -> PostgreSQL, sustained (first offset commit to last)", sustained);
        System.out.println("BENCH   during the sustained drain: " + first.describeUntil(end));
        return sustained;
    }

    private long committedOffsets() throws Exception {
        return admin.listConsumerGroupOffsets(TICKS_LISTENER).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(Objects::nonNull)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    private void checkStored() {
        Integer stored = jdbc.queryForObject("SELECT count(*) FROM price_ticks", Integer.class);
        Integer distinct = jdbc.queryForObject("SELECT count(DISTINCT event_id) FROM price_ticks", Integer.class);
        if (!Objects.equals(stored, ticks.size()) || !Objects.equals(distinct, ticks.size())) {
            throw new IllegalStateException(
                    "stored " + stored + " rows (" + distinct + " distinct) of " + ticks.size());
        }
    }

    private int rawCopy(String format, byte[] rows) {
        Integer copied = transactions.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                return (int) connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY price_ticks FROM STDIN" + format, new ByteArrayInputStream(rows));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        return copied == null ? 0 : copied;
    }

    private int batched() {
        int inserted = 0;
        for (int from = 0; from < ticks.size(); from += WRITER_BATCH) {
            List<PriceTick> batch = ticks.subList(from, Math.min(ticks.size(), from + WRITER_BATCH));
            Integer rows = transactions.execute(status -> writer.insertNew(batch));
            inserted += rows == null ? 0 : rows;
        }
        return inserted;
    }

    /** Reports and returns rows per second of {@code load} into the empty table; the time covers the load only. */
    private double timed(String what, IntSupplier load) {
        prepareTable();
        MachineLoad before = MachineLoad.now(postgres);
        long start = System.nanoTime();
        int rows = load.getAsInt();
        double rate = rate(start);
        if (rows != ticks.size()) {
            throw new IllegalStateException("stored " + rows + " rows of " + ticks.size());
        }
        report(what, rate);
        if (!what.startsWith("warm-up")) {
            System.out.println("BENCH   " + before.describeUntil(MachineLoad.now(postgres)));
        }
        return rate;
    }

    private double rate(long start) {
        return ticks.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** An empty, analyzed table and a fresh checkpoint, so that every phase starts from the same state. */
    private void prepareTable() {
        jdbc.execute("TRUNCATE price_ticks");
        jdbc.execute("VACUUM ANALYZE price_ticks");
        jdbc.execute("CHECKPOINT");
        postgres = localServerProcesses();
    }

    /** The PostgreSQL processes of the server, if they are processes of this machine (not in a container). */
    private List<Long> localServerProcesses() {
        List<Long> pids = jdbc.queryForList("SELECT pid FROM pg_stat_activity", Long.class);
        boolean local = pids.stream().allMatch(pid -> {
            try {
                return Files.readString(Path.of("/proc", pid.toString(), "comm"))
                        .startsWith("postgres");
            } catch (IOException e) {
                return false;
            }
        });
        return local ? pids : List.of();
    }

    private static void report(String what, double perSecond) {
        System.out.printf(Locale.ROOT, "BENCH %-70s %,12.0f ticks/s%n", what, perSecond);
    }
}
