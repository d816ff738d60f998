package org.stockalerts.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft broker on 127.0.0.1 for a benchmark. By default it runs in a JVM of its own,
 * as a broker does in production, so its garbage collections and heap are not the measured
 * service's; {@code BENCH_BROKER=in-process} runs it inside the benchmark's JVM instead. The broker
 * process stops when the benchmark closes it, or when the benchmark's JVM exits (its stdin closes).
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class BenchmarkBroker implements AutoCloseable {

    private static final Map<String, String> PROPERTIES = Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "auto.create.topics.enable", "false");

    private final String bootstrap;
    private final Process process;
    private final EmbeddedKafkaKraftBroker inProcess;

    static BenchmarkBroker start() throws IOException, InterruptedException {
        if ("in-process".equals(System.getenv("BENCH_BROKER"))) {
            EmbeddedKafkaKraftBroker broker = broker();
            AlertEngineBenchmark.print("broker: in this JVM at %s%n", broker.getBrokersAsString());
            return new BenchmarkBroker(broker.getBrokersAsString(), null, broker);
        }
        Path directory = Files.createTempDirectory("benchmark-broker");
        Path address = directory.resolve("bootstrap");
        Path log = directory.resolve("broker.log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-XX:+UseG1GC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BenchmarkBroker.class.getName(),
                        address.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(address)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the broker process did not start; see " + log);
            }
            Thread.sleep(100);
        }
        String bootstrap = Files.readString(address).trim();
        AlertEngineBenchmark.print("broker: own JVM (pid %d, -Xmx1g) at %s, log %s%n", process.pid(), bootstrap, log);
        return new BenchmarkBroker(bootstrap, process, null);
    }

    String bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (inProcess != null) {
            inProcess.destroy();
            return;
        }
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The broker process: writes its bootstrap servers to the file named by {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        EmbeddedKafkaKraftBroker broker = broker();
        Path address = Path.of(args[0]);
        Path written = Files.writeString(address.resolveSibling("bootstrap.tmp"), broker.getBrokersAsString());
        Files.move(written, address);
        while (System.in.read() != -1) {
            // runs until the benchmark closes this process's stdin or exits
        }
        broker.destroy();
        System.exit(0);
    }

    private static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(PROPERTIES);
        broker.afterPropertiesSet();
        return broker;
    }
}
