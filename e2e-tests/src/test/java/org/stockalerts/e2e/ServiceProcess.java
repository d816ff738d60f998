package org.stockalerts.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * One service running as its own process from its executable jar, the way the launcher and the
 * containers run it: configured only through environment variables, its output kept in a log file.
 * Public for the fault-injection suite (module faults), which kills and restarts services.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class ServiceProcess implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;
    private final ProcessBuilder builder;

    /** JVM options of the end-to-end tests: small and quick to start, not fast. */
    static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * The key that seals webhook secrets, one per test run and shared by every service it starts
     * (api-service seals them, alert-consumer opens them), unless the environment sets its own.
     */
    private static final String SECRETS_KEY = randomKey();

    /**
     * Starts {@code module}'s jar with {@code env}, serving HTTP on a free port set in {@code portVariable}
     * and its actuator on another, set in the matching management variable ({@code API_PORT}:
     * {@code API_MANAGEMENT_PORT}).
     */
    static ServiceProcess start(String module, String portVariable, Map<String, String> env) throws IOException {
        return start(module, portVariable, env, TEST_JVM);
    }

    /** As {@link #start(String, String, Map)}, with the JVM options {@code jvm}. */
    public static ServiceProcess start(String module, String portVariable, Map<String, String> env, List<String> jvm)
            throws IOException {
        return start(module, module, portVariable, env, jvm);
    }

    /**
     * As {@link #start(String, String, Map, List)}, its output in {@code e2e-logs/<logName>.log}: a second
     * instance of a service (fault-injection scenario C4) keeps a log of its own.
     */
    public static ServiceProcess start(
            String module, String logName, String portVariable, Map<String, String> env, List<String> jvm)
            throws IOException {
        return start(module, logName, portVariable, env, jvm, ServiceImage.executable(module));
    }

    /** As {@link #start(String, String, String, Map, List)}, running {@code image} (its jar and its JVM options). */
    public static ServiceProcess start(
            String module,
            String logName,
            String portVariable,
            Map<String, String> env,
            List<String> jvm,
            ServiceImage image)
            throws IOException {
        int port = freePort();
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        Path log = ROOT.resolve("e2e-tests/target/e2e-logs/" + logName + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvm);
        command.addAll(image.jvmOptions());
        command.addAll(List.of("-jar", image.jar().toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment(builder, env);
        builder.environment().put(portVariable, String.valueOf(port));
        builder.environment().put(managementPortVariable(portVariable), String.valueOf(managementPort));
        return new ServiceProcess(module, port, managementPort, log, builder.start(), builder);
    }

    /**
     * The same service started again, with the same command, environment and ports, its output
     * appended to the same log: after {@link #kill()}, or to run a second instance (then on other ports).
     */
    public ServiceProcess restart() throws IOException {
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(name, port, managementPort, log, builder.start(), builder);
    }

    /** SIGKILL: no shutdown hook, no clean close; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The operating system's id of the process (for {@code kill -STOP}). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Runs {@code module}'s jar with {@code arguments} (a command such as {@code import-seed}) and
     * {@code env} until it exits, its output kept in {@code e2e-logs/<module>-<command>.log}.
     *
     * @return its exit status
     */
    static int runCommand(String module, Map<String, String> env, List<String> arguments, Duration timeout)
            throws IOException, InterruptedException {
        Path log = ROOT.resolve("e2e-tests/target/e2e-logs/" + module + "-" + arguments.get(0) + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(TEST_JVM);
        command.addAll(List.of("-jar", executableJar(module).toString()));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment(builder, env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(
                    module + " " + arguments.get(0) + " did not end within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    static void environment(ProcessBuilder builder, Map<String, String> env) {
        builder.environment().putIfAbsent("STOCKALERTS_SECRETS_KEY", SECRETS_KEY);
        builder.environment().putAll(env);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Whether the service answers its health endpoint (on the management port) with UP. */
    public boolean isUp() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The actuator's base URL, on the management port ({@code …/actuator/health}, {@code …/actuator/metrics}). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort + "/actuator";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the actuator answers ({@code /actuator/health} with every component). */
    public String managementBaseUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The file the process writes its output to. */
    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {@code API_PORT} → {@code API_MANAGEMENT_PORT}: the services' names for their two ports. */
    static String managementPortVariable(String portVariable) {
        if (!portVariable.endsWith("_PORT")) {
            throw new IllegalArgumentException("not a port variable: " + portVariable);
        }
        return portVariable.substring(0, portVariable.length() - "PORT".length()) + "MANAGEMENT_PORT";
    }

    static Path executableJar(String module) throws IOException {
        Path target = ROOT.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (var jars = Files.list(target)) {
                List<Path> found = jars.filter(path -> {
                            String file = path.getFileName().toString();
                            return file.startsWith(module + "-")
                                    && file.endsWith(".jar")
                                    && !file.endsWith("-plain.jar")
                                    && !file.endsWith("-sources.jar");
                        })
                        .toList();
                if (found.size() == 1) {
                    return found.get(0);
                }
            }
        }
        throw new IllegalStateException("No executable jar of " + module + " under " + target
                + ": run the end-to-end tests as part of `./mvnw -B verify` from the project root,"
                + " or build the services first with `./mvnw -B -DskipTests package`.");
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
