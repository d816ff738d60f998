package org.stockalerts.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.stockalerts.analytics.AnalyticsSettings;
import org.stockalerts.analytics.topology.AnalyticsTopology;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.kafka.EventSerdes;
import org.stockalerts.common.kafka.Topics;

/**
 * Ticks per second through the analytics topology's work on one thread, without Kafka I/O: JSON
 * deserialization of each tick, the processor with its RocksDB state store (no record cache, so a
 * store write per tick), the stream-time punctuator, and JSON serialization of every published
 * event. The figure a stream thread can reach when the broker and the network are not the limit.
 *
 * <p>Arguments: ticks (default 2,000,000), symbols (default 200), warm-up ticks (default 500,000).
 */
public final class AnalyticsProcessorBenchmark {

    private static final long PUNCTUATE_EVERY_MS = 1_000;

    private AnalyticsProcessorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int symbols = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
        byte[][] values = new byte[warmUp + ticks][];
        Serializer<PriceTick> serializer = EventSerdes.of(Topics.STOCK_PRICES).serializer();
        for (int i = 0; i < values.length; i++) {
            values[i] = serializer.serialize(Topics.STOCK_PRICES.name(), BenchmarkTicks.tick(i, symbols));
        }
        AnalyticsSettings settings = AnalyticsSettings.defaults();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-processor-benchmark");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        File stateDir = Files.createTempDirectory("analytics-benchmark").toFile();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        MockProcessorContext<String, AnalyticsUpdated> context =
                new MockProcessorContext<>(props, new TaskId(0, 0), stateDir);
        KeyValueStore<?, ?> store = (KeyValueStore<?, ?>) AnalyticsTopology.stateStore(settings)
                .withLoggingDisabled()
                .withCachingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.setCurrentStreamTimeMs(BenchmarkTicks.START.toEpochMilli());
        Processor<String, PriceTick, String, AnalyticsUpdated> processor =
                AnalyticsTopology.processor(settings, new SimpleMeterRegistry()).get();
        processor.init(context);
        Run warm = run(context, processor, values, symbols, 0, warmUp);
        Run measured = run(context, processor, values, symbols, warmUp, warmUp + ticks);
        store.close();
        System.out.printf(Locale.ROOT, "warm-up: %,d ticks at %,.0f ticks/s%n", warm.ticks(), warm.rate());
        System.out.printf(
                Locale.ROOT,
                "analytics topology work, one thread, no Kafka I/O: %,d ticks over %d symbols in %.2f s = %,.0f"
                        + " ticks/s; %,d AnalyticsUpdated%n",
                ticks,
                symbols,
                measured.nanos() / 1e9,
                measured.rate(),
                measured.published());
        System.out.printf(
                Locale.ROOT,
                "CPU cost: %,.0f ticks per CPU-second of the processing thread, %,.0f per CPU-second of the whole"
                        + " process (GC and JIT included)%n",
                measured.perThreadCpuSecond(),
                measured.perProcessCpuSecond());
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores available to the JVM, %s %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
    }

    private static Run run(
            MockProcessorContext<String, AnalyticsUpdated> context,
            Processor<String, PriceTick, String, AnalyticsUpdated> processor,
            byte[][] values,
            int symbols,
            int from,
            int to) {
        Deserializer<PriceTick> deserializer =
                EventSerdes.of(Topics.STOCK_PRICES).deserializer();
        Serializer<AnalyticsUpdated> serializer =
                EventSerdes.of(Topics.STOCK_ANALYTICS).serializer();
        var punctuator = context.scheduledPunctuators().getFirst().getPunctuator();
        long published = 0;
        long lastPunctuation = Long.MIN_VALUE;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long threadCpuBefore = threads.getCurrentThreadCpuTime();
        long processCpuBefore = os.getProcessCpuTime();
        long began = System.nanoTime();
        for (int i = from; i < to; i++) {
            PriceTick tick = deserializer.deserialize(Topics.STOCK_PRICES.name(), values[i]);
            long timestamp = tick.observedAt().toEpochMilli();
            context.setCurrentStreamTimeMs(Math.max(context.currentStreamTimeMs(), timestamp));
            processor.process(new Record<>(tick.symbol().value(), tick, timestamp));
            if (context.currentStreamTimeMs() - lastPunctuation >= PUNCTUATE_EVERY_MS) {
                punctuator.punctuate(context.currentStreamTimeMs());
                lastPunctuation = context.currentStreamTimeMs();
            }
            for (var forwarded : context.forwarded()) {
                serializer.serialize(
                        Topics.STOCK_ANALYTICS.name(), forwarded.record().value());
                published++;
            }
            context.resetForwards();
        }
        return new Run(
                to - from,
                published,
                System.nanoTime() - began,
                threads.getCurrentThreadCpuTime() - threadCpuBefore,
                os.getProcessCpuTime() - processCpuBefore);
    }

    /** Wall-clock and CPU nanoseconds of a run (process CPU includes GC and JIT threads). */
    private record Run(long ticks, long published, long nanos, long threadCpuNanos, long processCpuNanos) {
        double rate() {
            return ticks / (nanos / 1e9);
        }

        double perThreadCpuSecond() {
            return ticks / (threadCpuNanos / 1e9);
        }

        double perProcessCpuSecond() {
            return ticks / (processCpuNanos / 1e9);
        }
    }
}
