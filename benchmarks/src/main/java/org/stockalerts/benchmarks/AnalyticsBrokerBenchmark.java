package org.stockalerts.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.stockalerts.analytics.AnalyticsSettings;
import org.stockalerts.analytics.topology.AnalyticsTopology;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.kafka.DeadLetterDeserializationHandler;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;

/**
 * Ticks per second through the analytics topology on a real broker, as the service runs it:
 * exactly-once v2, RocksDB store with changelog, 1-minute and daily bars, SMA and signal. The ticks
 * are produced to {@code stock-prices} first; the clock runs from the moment Kafka Streams is
 * RUNNING until its committed offsets cover every tick.
 *
 * <p>Arguments: ticks (default 1,000,000), symbols (default 200), stream threads (default 2).
 * Starts its own in-process KRaft broker.
 * Ticks as {@link BenchmarkTicks} makes them.
 */
public final class AnalyticsBrokerBenchmark {

    private AnalyticsBrokerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int symbols = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        EmbeddedKafkaKraftBroker broker = startBroker();
        String bootstrap = broker.getBrokersAsString();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            createTopics(admin);
            produce(bootstrap, ticks, symbols);
            long[] result = consume(admin, bootstrap, threads, ticks);
            report(ticks, symbols, threads, result[0], result[1]);
        } finally {
            broker.destroy();
        }
    }

    private static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.STOCK_PRICES.partitions());
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        return broker;
    }

    private static void createTopics(Admin admin) throws ExecutionException, InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec<?> topic : List.of(Topics.STOCK_PRICES, Topics.STOCK_ANALYTICS)) {
            topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1));
            topics.add(new NewTopic(topic.deadLetterTopic(), topic.partitions(), (short) 1));
        }
        admin.createTopics(topics).all().get();
    }

    private static void produce(String bootstrap, int ticks, int symbols) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024);
        long began = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ticks; i++) {
                PriceTick tick = BenchmarkTicks.tick(i, symbols);
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), tick.symbol().value(), EventJson.write(tick)));
            }
            producer.flush();
        }
        System.out.printf(
                Locale.ROOT, "produced %,d ticks in %.1f s (not measured)%n", ticks, (System.nanoTime() - began) / 1e9);
    }

    /** Returns the measured nanoseconds and the number of events published. */
    private static long[] consume(Admin admin, String bootstrap, int threads, int ticks) throws Exception {
        String run = "analytics-benchmark";
        Properties props = new Properties();
        props.putAll(ServiceStreamsSettings.of(AnalyticsTopology.class));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, run);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(run).toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        var topology = AnalyticsTopology.build(
                AnalyticsSettings.defaults(), new SimpleMeterRegistry(), BenchmarkTicks.bound());
        CountDownLatch running = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.start();
            running.await();
            long began = System.nanoTime();
            while (committed(admin, run) < ticks) {
                Thread.sleep(50);
            }
            long elapsed = System.nanoTime() - began;
            return new long[] {elapsed, endOffsets(admin, Topics.STOCK_ANALYTICS.name())};
        }
    }

    private static long committed(Admin admin, String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static long endOffsets(Admin admin, String topic) throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .size();
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get().values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }

    private static void report(int ticks, int symbols, int threads, long nanos, long published) {
        double seconds = nanos / 1e9;
        System.out.printf(
                Locale.ROOT,
                "analytics topology (real broker, exactly_once_v2, %d stream threads): %,d ticks over %d symbols"
                        + " in %.2f s = %,.0f ticks/s; %,d AnalyticsUpdated published (incl. transaction markers)%n",
                threads,
                ticks,
                symbols,
                seconds,
                ticks / seconds,
                published);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores available to the JVM, %s %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
