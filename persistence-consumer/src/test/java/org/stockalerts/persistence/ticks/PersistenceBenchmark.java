package org.stockalerts.persistence.ticks;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.persistence.PersistenceConsumerApplication;
import org.stockalerts.persistence.TestEvents;
import org.stockalerts.persistence.ingest.MultiRowInsert;
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

    private final List<PriceTick> ticks;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;

    private PersistenceBenchmark(List<PriceTick> ticks, ConfigurableApplicationContext app) {
        this.ticks = ticks;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.dataSource = app.getBean(DataSource.class);
        this.transactions = app.getBean(TransactionTemplate.class);
    }

    public static void main(String[] args) throws Exception {
        try {
            benchmark(args);
        } finally {
            System.exit(0);
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
        for (String round : List.of("warm-up, ", "")) {
            report(round + "raw COPY into price_ticks (one stream)", timed(this::rawCopy));
            report(round + "writer: COPY to staging + INSERT…SELECT ON CONFLICT", timed(() -> batched(writerBatch())));
            report(round + "multi-row INSERT … ON CONFLICT DO NOTHING", timed(() -> batched(multiRowBatch())));
        }
        truncate();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers))) {
            long start = System.nanoTime();
            listeners.getListenerContainer(TICKS_LISTENER).start();
            long first = 0;
            long committed = 0;
            while (committed < ticks.size()) {
                Thread.sleep(POLL.toMillis());
                committed = committedOffsets(admin);
                if (first == 0 && committed > 0) {
                    first = System.nanoTime();
                }
            }
            long end = System.nanoTime();
            if (storedCount() != ticks.size()) {
                throw new IllegalStateException("stored " + storedCount() + " rows of " + ticks.size());
            }
            report("Kafka -> PostgreSQL, from listener start", ticks.size() / seconds(end - start));
            report("Kafka -> PostgreSQL, first commit to last", ticks.size() / seconds(end - first));
        }
    }

    private static long committedOffsets(AdminClient admin) throws Exception {
        return admin.listConsumerGroupOffsets(TICKS_LISTENER).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(java.util.Objects::nonNull)
                .mapToLong(org.apache.kafka.clients.consumer.OffsetAndMetadata::offset)
                .sum();
    }

    private int rawCopy() {
        byte[] rows = PriceTickWriter.copyText(ticks);
        return transactions.execute(status -> {
            try (Connection connection = dataSource.getConnection()) {
                return (int) connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY price_ticks FROM STDIN", new ByteArrayInputStream(rows));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ToIntFunction<List<PriceTick>> writerBatch() {
        PriceTickWriter writer = new PriceTickWriter(
                dataSource,
                new org.stockalerts.persistence.partitions.TickPartitions(
                        jdbc, transactions, settings(), java.time.Clock.systemUTC()));
        return writer::insertNew;
    }

    private ToIntFunction<List<PriceTick>> multiRowBatch() {
        MultiRowInsert insert = new MultiRowInsert(
                "price_ticks",
                List.of(
                        "event_id",
                        "symbol",
                        "price",
                        "volume",
                        "day_open",
                        "day_high",
                        "day_low",
                        "previous_close",
                        "source",
                        "observed_at",
                        "occurred_at"),
                List.of("?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?"));
        return batch -> insert.insert(jdbc, batch, tick -> new Object[] {
            tick.eventId(),
            tick.symbol().value(),
            tick.price(),
            tick.volume(),
            tick.dayOpen(),
            tick.dayHigh(),
            tick.dayLow(),
            tick.previousClose(),
            tick.source().wireName(),
            MultiRowInsert.timestamp(tick.observedAt()),
            MultiRowInsert.timestamp(tick.occurredAt())
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

    private double timed(java.util.function.IntSupplier load) {
        truncate();
        long start = System.nanoTime();
        int rows = load.getAsInt();
        long end = System.nanoTime();
        if (rows != ticks.size()) {
            throw new IllegalStateException("stored " + rows + " rows of " + ticks.size());
        }
        return rows / seconds(end - start);
    }

    private void truncate() {
        jdbc.execute("TRUNCATE price_ticks");
        jdbc.execute("VACUUM ANALYZE price_ticks");
    }

    private int storedCount() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM price_ticks", Integer.class);
        return count == null ? 0 : count;
    }

    private static org.stockalerts.persistence.PersistenceSettings settings() {
        return new org.stockalerts.persistence.PersistenceSettings(
                30, 7, Duration.ofHours(1), 2, WRITER_BATCH, Duration.ofMillis(500), Duration.ofSeconds(30));
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
