package org.stockalerts.benchmarks;

import static org.stockalerts.benchmarks.AlertEngineBenchmark.print;
import static org.stockalerts.benchmarks.AlertEngineBenchmark.seconds;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.EventSerdes;
import org.stockalerts.common.kafka.Topics;

/**
 * Phases 3 and 4: what reading the same ticks costs without the engine, to set its rate against: a
 * bare deserializing consumer, and a pass-through Streams app with the engine's settings.
 */
record FloorRates(BenchKafka kafka, BenchEngine engine) {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    void run(int ticks, double engineRate) throws Exception {
        double bare = bareConsumerRate(ticks);
        print(
                "bare deserializing consumer on the same ticks: %,.0f ticks/s; engine (sustained)/bare = %.2f%n",
                bare, engineRate / bare);
        double passThrough = passThroughRate(ticks);
        print(
                "pass-through Streams app (same settings, deserializes and drops every tick): %,.0f ticks/s;"
                        + " engine/pass-through = %.2f, pass-through/bare = %.2f%n",
                passThrough, engineRate / passThrough, passThrough / bare);
    }

    /**
     * A consumer that only deserializes the ticks, timed like the engine's sustained rate: from the
     * first batch it receives (after joining its group) to its last tick; the first batch is not
     * counted.
     */
    private double bareConsumerRate(int ticks) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                kafka.consumerConfig("bare-" + UUID.randomUUID()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STOCK_PRICES.name()));
            long read = 0;
            long first = 0;
            long start = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
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
        Properties properties = engine.streamsProperties("pass-through-" + UUID.randomUUID());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.start();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (seen.get() < ticks && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            double rate = (seen.get() - 1) / seconds(firstAt.get());
            streams.close(BenchEngine.leavingGroup());
            return rate;
        }
    }
}
