package org.stockalerts.common.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;

/**
 * One KRaft node in this JVM configured as docker-compose.secure.yml configures Kafka: every listener
 * SASL_PLAINTEXT, clients with SCRAM-SHA-512, and StandardAuthorizer (nothing allowed without an ACL).
 * The super user {@value #ADMIN}, a PLAIN user of the broker's configuration, logs the broker in to its
 * controller and to itself and lets a test create the SCRAM users, topics and ACLs.
 */
record ScramBroker(KafkaRaftServer server, Path directory, String bootstrapServers) implements AutoCloseable {

    static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-secret";

    static ScramBroker start() throws IOException {
        Path directory = Files.createTempDirectory("scram-broker");
        int port = freePort();
        int controllerPort = freePort();
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "INTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "INTERNAL://127.0.0.1:" + port);
        // as docker-compose.secure.yml: every listener SASL; the administrator a PLAIN user of the broker's own
        // configuration (the controller and the broker log in with it before any SCRAM user exists), the services
        // SCRAM users kept in the cluster's metadata
        config.put("listener.security.protocol.map", "INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "INTERNAL");
        config.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        String admin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + ADMIN_PASSWORD + "\" user_" + ADMIN + "=\"" + ADMIN_PASSWORD + "\";";
        config.put("listener.name.internal.plain.sasl.jaas.config", admin);
        config.put("listener.name.controller.plain.sasl.jaas.config", admin);
        config.put(
                "listener.name.internal.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + ADMIN);
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("log.dirs", directory.resolve("data").toString());
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        format(directory, config);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        return new ScramBroker(server, directory, "127.0.0.1:" + port);
    }

    /** Client settings of the super user, for setting up a test. */
    Map<String, Object> adminConfig() {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM,
                "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG,
                KafkaSaslEnvironment.jaasConfig("PLAIN", ADMIN, ADMIN_PASSWORD));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static void format(Path directory, Map<String, String> config) throws IOException {
        Path file = directory.resolve("server.properties");
        Properties properties = new Properties();
        properties.putAll(config);
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, null);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting the broker's storage failed: " + output);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
