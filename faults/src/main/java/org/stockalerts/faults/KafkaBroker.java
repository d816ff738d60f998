package org.stockalerts.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.common.Uuid;
import org.stockalerts.testsupport.TcpProxy;

/**
 * One Kafka broker (KRaft, broker and controller in one node) as its own process, from the jars the
 * launcher uses (kafka_2.13 4.4.0, fetched by {@code benchmarks/run-faults.sh} as {@code ./stock-alerts}
 * does), configured as the launcher configures it, on free ports and a data folder of its own. It can
 * be killed with SIGKILL and started again on the same ports and data, as scenario C5 does.
 *
 * <p>A second listener, {@code PROXIED}, listens on a port of its own and advertises the port of a
 * {@link TcpProxy} in front of it (scenario C7): a client bootstrapped at {@link #proxiedBootstrapServers()}
 * is told to connect to the proxy again, so every byte it exchanges with the broker crosses the proxy. The
 * proxy belongs to the broker, so it outlives the restarts of its clients (and the broker's own).
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class KafkaBroker implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(90);

    private final Path home;
    private final Path lib;
    private final int port;
    private final int controllerPort;
    private final int proxiedPort;
    private final TcpProxy proxy;
    private Process process;

    /** Formats a fresh data folder under {@code home} and starts the broker; returns once it accepts connections. */
    static KafkaBroker start(Path home, Path lib) throws IOException, InterruptedException {
        int proxiedPort = freePort();
        KafkaBroker broker =
                new KafkaBroker(home, lib, freePort(), freePort(), proxiedPort, TcpProxy.to("127.0.0.1", proxiedPort));
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("server.properties"), broker.serverProperties());
        int formatted = broker.java(
                        "format",
                        List.of(
                                "kafka.tools.StorageTool",
                                "format",
                                "-t",
                                Uuid.randomUuid().toString(),
                                "-c",
                                home.resolve("server.properties").toString()))
                .waitFor();
        if (formatted != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed; see " + home.resolve("format.log"));
        }
        broker.restart();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker through its proxy: a client bootstrapped here talks to the broker only through {@link #proxy()}. */
    String proxiedBootstrapServers() {
        return proxy.host() + ":" + proxy.port();
    }

    TcpProxy proxy() {
        return proxy;
    }

    /** Starts the broker process (again) on the same ports and data; returns once it accepts connections. */
    void restart() throws IOException {
        process = java(
                "kafka",
                List.of("kafka.Kafka", home.resolve("server.properties").toString()));
        long deadline = System.nanoTime() + READY.toNanos();
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not start; see " + home.resolve("kafka.log"));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** SIGKILL, as a crash or an OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        proxy.close();
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private Process java(String logName, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-Xms256m",
                "-cp",
                lib.toAbsolutePath() + "/*"));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve(logName + ".log").toFile()))
                .start();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The launcher's server.properties, on this broker's ports and folder. */
    private String serverProperties() {
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort
                        + ",PROXIED://127.0.0.1:" + proxiedPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",PROXIED://" + proxiedBootstrapServers(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,PROXIED:PLAINTEXT",
                "log.dirs=" + home.resolve("data").toAbsolutePath(),
                "num.partitions=1",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
