package org.stockalerts.benchmarks;

import java.nio.file.Files;
import java.util.Locale;
import java.util.Random;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The alert engine on a real (in-process KRaft) broker, as the service runs it: exactly-once v2,
 * RocksDB stores with changelogs, and the Streams settings of alert-consumer's {@code
 * application.yml} (commit interval, cache, stream threads; environment variables apply). Phases: load the rules
 * ({@link RuleLoadPhase}), restart with pre-produced ticks (start-up to first alert, sustained throughput:
 * {@link ThroughputPhase}), a bare deserializing consumer and a pass-through Streams app on the same ticks
 * ({@link FloorRates}), latency at a fixed rate ({@link LatencyPhase}), and the seed's PostgreSQL approach (see
 * {@link SeedBaseline}).
 *
 * <p>Arguments: rules (1,000,000), symbols (5,000), ticks (500,000), latency rate per second (5,000),
 * latency seconds (20), baseline ticks (2,000; 0 skips the baseline), how ticks are keyed and
 * partitioned ({@link TickKeys}: {@code java}, the default, {@code crc32} or {@code keyless}).
 */
public final class AlertEngineBenchmark {

    private AlertEngineBenchmark() {}

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
            BenchKafka kafka = new BenchKafka(broker.bootstrap());
            BenchEngine engine = new BenchEngine(kafka, Files.createTempDirectory("alert-engine-bench"));
            kafka.createTopics();
            print(
                    "rules %,d over %,d symbols; ticks %,d keyed %s; latency at %,d ticks/s for %d s%n",
                    workload.rules().size(),
                    workload.symbols().size(),
                    ticks,
                    tickKeys.name().toLowerCase(Locale.ROOT),
                    rate,
                    latencySeconds);
            new RuleLoadPhase(kafka, engine).run(workload.rules());
            ThroughputPhase.Result throughput = new ThroughputPhase(kafka, engine, workload, tickKeys).run(ticks);
            KafkaStreams running = throughput.streams();
            new FloorRates(kafka, engine).run(ticks, throughput.sustainedRate());
            new LatencyPhase(kafka, workload, tickKeys).run(running, rate, latencySeconds);
            BrokerRequestTimes.print();
            running.close(BenchEngine.leavingGroup());
            if (baselineTicks > 0) {
                SeedBaseline.run(workload, baselineTicks, throughput.sustainedRate());
            }
        }
        System.exit(0);
    }

    static double seconds(long startNanos) {
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
