package org.stockalerts.persistence.ticks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.persistence.PersistenceConsumerApplication;
import org.stockalerts.persistence.TestEvents;
import org.stockalerts.testsupport.TestDatabase;
import org.stockalerts.testsupport.TestKafka;

/**
 * Ticks per second from Kafka into PostgreSQL, against a raw COPY of the same rows into the same
 * table in the same run. Not a test: run it with {@code benchmarks/run-persistence.sh [ticks]}.
 * It uses the test infrastructure (an in-process KRaft broker and a fresh database on the local
 * PostgreSQL), so the broker, the service and PostgreSQL share the machine's cores.
 */
public final class PersistenceBenchmark {

    private static final int SYMBOLS = 500;
    private static final int WRITER_BATCH = 5_000;
    private static final String TICKS_LISTENER = "persistence-consumer-ticks";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String NULL = "\\N";

    private final List<PriceTick> ticks;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final PriceTickWriter writer;

    private PersistenceBenchmark(List<PriceTick> ticks, ConfigurableApplicationContext app) {
        this.ticks = ticks;
        this.writer = app.getBean(PriceTickWriter.class);
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.dataSource = app.getBean(DataSource.class);
        this.transactions = app.getBean(TransactionTemplate.class);
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            benchmark(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            // the in-process broker's threads would keep the JVM alive
            System.exit(status);
        }
    }

    private static void benchmark(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        List<PriceTick> ticks = generate(count);
        String brokers = TestKafka.bootstrapServers();
        TestDatabase.Endpoint db = TestDatabase.endpoint();
        createTopic(brokers);
        produce(brokers, ticks);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PersistenceConsumerApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + brokers,
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--spring.kafka.listener.auto-startup=false",
                        "--spring.main.web-application-type=none")) {
            new PersistenceBenchmark(ticks, app).run(app.getBean(KafkaListenerEndpointRegistry.class), brokers);
        }
    }

    private void run(KafkaListenerEndpointRegistry listeners, String brokers) throws Exception {
        byte[] text = copyText(ticks);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        PriceTickWriter.encode(ticks, encoded::write);
        byte[] binary = encoded.toByteArray();
        double rawText = 0;
        double rawBinary = 0;
        for (String round : List.of("warm-up, ", "")) {
            rawText = timed(() -> rawCopy("COPY price_ticks FROM STDIN", text));
            report(round + "raw COPY into price_ticks, text, one stream", rawText);
            rawBinary = timed(() -> rawCopy("COPY price_ticks FROM STDIN (FORMAT binary)", binary));
            report(round + "raw COPY into price_ticks, binary, one stream", rawBinary);
            report(round + "writer alone: binary COPY into price_ticks", timed(() -> batched(writer::insertNew)));
            report(
                    round + "writer alone, every batch redelivered (staging + ON CONFLICT)",
                    redelivered(() -> batched(writer::insertNew)));
        }
        double raw = Math.max(rawText, rawBinary);
        double kafka = kafkaToPostgres(listeners, brokers);
        System.out.printf(
                Locale.ROOT,
                "BENCH Kafka -> PostgreSQL / best raw COPY of this run: %.0f %% (text COPY %.0f %%, binary COPY %.0f %%)%n",
                100 * kafka / raw,
                100 * kafka / rawText,
                100 * kafka / rawBinary);
    }

    /**
     * Drains the topic through the service's ticks listener. The sustained rate counts the ticks
     * committed between the first committed offset and the last, over that time, so the group join
     * and the first fetch are left out; the rate from the listener's start is printed beside it.
     */
    private double kafkaToPostgres(KafkaListenerEndpointRegistry listeners, String brokers) throws Exception {
        prepareTable();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers))) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            listeners.getListenerContainer(TICKS_LISTENER).start();
            long firstAt = 0;
            long firstCommitted = 0;
            long committed = 0;
            while (committed < ticks.size()) {
                Thread.sleep(POLL.toMillis());
                committed = committedOffsets(admin);
                if (firstAt == 0 && committed > 0) {
                    firstAt = System.nanoTime();
                    firstCommitted = committed;
                }
            }
            long end = System.nanoTime();
            long cpu = processCpuNanos() - cpuStart;
            int stored = storedCount();
            int distinct = distinctCount();
            if (stored != ticks.size() || distinct != ticks.size()) {
                throw new IllegalStateException(
                        "stored " + stored + " rows (" + distinct + " distinct) of " + ticks.size());
            }
            double sustained = (ticks.size() - firstCommitted) / seconds(end - firstAt);
            report(
                    "Kafka -> PostgreSQL, from listener start (includes group join)",
                    ticks.size() / seconds(end - start));
            report("Kafka -> PostgreSQL, sustained (first commit to last)", sustained);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH this JVM (service + in-process broker) used %.1f CPU s for the %.1f s from listener start%n",
                    cpu / 1e9,
                    seconds(end - start));
            return sustained;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long committedOffsets(AdminClient admin) throws Exception {
        return admin.listConsumerGroupOffsets(TICKS_LISTENER).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(Objects::nonNull)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    private int rawCopy(String statement, byte[] rows) {
        return transactions.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                return (int) connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(statement, new ByteArrayInputStream(rows));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    private int batched(ToIntFunction<List<PriceTick>> write) {
        int inserted = 0;
        for (int from = 0; from < ticks.size(); from += WRITER_BATCH) {
            List<PriceTick> batch = ticks.subList(from, Math.min(ticks.size(), from + WRITER_BATCH));
            inserted += transactions.execute(status -> write.applyAsInt(batch));
        }
        return inserted;
    }

    /** Rows per second of {@code load} into an empty table; the time covers the load only. */
    private double timed(IntSupplier load) {
        prepareTable();
        long start = System.nanoTime();
        int rows = load.getAsInt();
        long end = System.nanoTime();
        if (rows != ticks.size()) {
            throw new IllegalStateException("stored " + rows + " rows of " + ticks.size());
        }
        return rows / seconds(end - start);
    }

    /** Ticks per second of {@code load} run again over a table that holds every tick already. */
    private double redelivered(IntSupplier load) {
        long start = System.nanoTime();
        int rows = load.getAsInt();
        long end = System.nanoTime();
        if (rows != 0 || storedCount() != ticks.size()) {
            throw new IllegalStateException("a redelivery inserted " + rows + " rows");
        }
        return ticks.size() / seconds(end - start);
    }

    /** An empty, analyzed table and a fresh checkpoint, so every phase starts from the same state. */
    private void prepareTable() {
        jdbc.execute("TRUNCATE price_ticks");
        jdbc.execute("VACUUM ANALYZE price_ticks");
        jdbc.execute("CHECKPOINT");
    }

    private int storedCount() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM price_ticks", Integer.class);
        return count == null ? 0 : count;
    }

    private int distinctCount() {
        Integer count = jdbc.queryForObject("SELECT count(DISTINCT event_id) FROM price_ticks", Integer.class);
        return count == null ? 0 : count;
    }

    /** The ticks as text COPY rows, built as plainly as a client would. */
    private static byte[] copyText(List<PriceTick> ticks) {
        StringBuilder text = new StringBuilder(ticks.size() * 160);
        for (PriceTick tick : ticks) {
            text.append(tick.eventId()).append('\t');
            text.append(tick.symbol().value()).append('\t');
            text.append(tick.price().toPlainString()).append('\t');
            text.append(tick.volume() == null ? NULL : tick.volume().toString()).append('\t');
            appendDecimal(text, tick.dayOpen());
            appendDecimal(text, tick.dayHigh());
            appendDecimal(text, tick.dayLow());
            appendDecimal(text, tick.previousClose());
            text.append(tick.source().wireName()).append('\t');
            text.append(tick.observedAt()).append('\t');
            text.append(tick.occurredAt()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendDecimal(StringBuilder text, BigDecimal value) {
        text.append(value == null ? NULL : value.toPlainString()).append('\t');
    }

    private static List<PriceTick> generate(int count) {
        Instant start = TestEvents.now();
        List<Symbol> symbols = new ArrayList<>();
        for (int s = 0; s < SYMBOLS; s++) {
            symbols.add(Symbol.of(String.format(Locale.ROOT, "S%04d", s)));
        }
        List<PriceTick> ticks = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ticks.add(TestEvents.tick(symbols.get(n % SYMBOLS), n, start));
        }
        return ticks;
    }

    private static void createTopic(String brokers) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers))) {
            admin.createTopics(List.of(
                            new NewTopic(Topics.STOCK_PRICES.name(), Topics.STOCK_PRICES.partitions(), (short) 1)))
                    .all()
                    .get();
        }
    }

    private static void produce(String brokers, List<PriceTick> ticks) {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            for (PriceTick tick : ticks) {
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), tick.symbol().value(), EventJson.write(tick)));
            }
            producer.flush();
        }
        report("produced to stock-prices (not part of the figures)", ticks.size() / seconds(System.nanoTime() - start));
    }

    private static void report(String what, double perSecond) {
        System.out.printf(Locale.ROOT, "BENCH %-66s %,12.0f ticks/s%n", what, perSecond);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
