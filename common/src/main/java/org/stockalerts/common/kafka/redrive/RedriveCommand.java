package org.stockalerts.common.kafka.redrive;

import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.stockalerts.common.kafka.KafkaSaslEnvironment;

/**
 * {@code java -jar api-service.jar redrive TOPIC.DLT [--since 2h|ISO-instant] [--dry-run]}: one
 * {@link DeadLetterRedrive} against the broker the services use ({@code KAFKA_BOOTSTRAP_SERVERS},
 * else {@code KAFKA_BROKER}, and the {@code STOCKALERTS_KAFKA_SASL_*} login when set), without
 * starting the service. Prints the summary; exits 0, 2 for bad arguments or a refused topic, 1 when
 * the redrive failed.
 */
public final class RedriveCommand {

    /** The first argument that selects this command. */
    public static final String COMMAND = "redrive";

    public static final int EXIT_DONE = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    static final String USAGE = """
            Usage: redrive TOPIC.DLT [--since 2h|30m|PT2H|2026-12-03T10:00:00Z] [--dry-run]
              republishes the dead letters of TOPIC.DLT to TOPIC, each once (the consumer group
              stockalerts-redrive-TOPIC.DLT remembers where the last run stopped)
              --since    only dead letters written at or after this instant (or this long ago);
                         older ones are passed over for good
              --dry-run  count them by reason; republish and commit nothing
            """;

    private RedriveCommand() {}

    /** Whether {@code args} ask for a redrive rather than the service. */
    public static boolean requested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the redrive {@code args} (after the command name) ask for; returns the exit status. */
    public static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        RedriveRequest request;
        try {
            request = parse(List.of(args).subList(1, args.length), clock);
            DeadLetterRedrive.sourceOf(request.deadLetterTopic());
        } catch (IllegalArgumentException | NotADeadLetterTopicException e) {
            err.println("redrive: " + e.getMessage());
            err.print(USAGE);
            return EXIT_USAGE;
        }
        try {
            new DeadLetterRedrive(connection(env)).redrive(request).lines().forEach(out::println);
            return EXIT_DONE;
        } catch (RuntimeException e) {
            err.println("redrive failed: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    static RedriveRequest parse(List<String> options, Clock clock) {
        String topic = null;
        String since = null;
        boolean dryRun = false;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--dry-run")) {
                dryRun = true;
            } else if (option.equals("--since") && i + 1 < options.size()) {
                since = options.get(++i);
            } else if (option.startsWith("--since=")) {
                since = option.substring("--since=".length());
            } else if (!option.startsWith("-") && topic == null) {
                topic = option;
            } else {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("name the dead-letter topic, e.g. stock-prices.DLT");
        }
        return new RedriveRequest(topic, RedriveRequest.since(since, clock), dryRun);
    }

    /** The broker and login the services' configuration would use, from the same variables. */
    static Map<String, Object> connection(Map<String, String> env) {
        Map<String, Object> connection = new HashMap<>();
        String servers =
                env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", env.getOrDefault("KAFKA_BROKER", "localhost:9092"));
        connection.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
        String username = env.getOrDefault(KafkaSaslEnvironment.USERNAME, "");
        if (!username.isBlank()) {
            String mechanism = env.getOrDefault(KafkaSaslEnvironment.MECHANISM, "SCRAM-SHA-512");
            connection.put(
                    CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                    env.getOrDefault(KafkaSaslEnvironment.PROTOCOL, "SASL_PLAINTEXT"));
            connection.put(SaslConfigs.SASL_MECHANISM, mechanism);
            connection.put(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    KafkaSaslEnvironment.jaasConfig(
                            mechanism, username, env.getOrDefault(KafkaSaslEnvironment.PASSWORD, "")));
        }
        return connection;
    }
}
