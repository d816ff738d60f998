package org.stockalerts.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a service process runs: its executable jar as built, or (as {@code ./stock-alerts} starts it; see
 * docs/operations.md, "Start-up time") the jar extracted into a folder with the JVM's ahead-of-time cache of JDK 25
 * (JEP 514/515) trained by one run that stops once the application context is refreshed. Public for the
 * fault-injection suite, whose restart times are the launcher's.
 *
 * @param jar the jar to run with {@code -jar}
 * @param jvmOptions JVM options that go with it (the cache), before {@code -jar}
 */
public record ServiceImage(Path jar, List<String> jvmOptions) {

    /** The JVM's notes on classes it could not archive or link: errors only, as the launcher has them. */
    static final String AOT_LOG = "-Xlog:aot*=error,cds*=error";

    /** The executable jar {@code module} built, without a cache. */
    public static ServiceImage executable(String module) throws IOException {
        return new ServiceImage(ServiceProcess.executableJar(module), List.of());
    }

    /** Whether the JVM that runs the services (this one's) can make and use an AOT cache in one training run. */
    public static boolean aotSupported() {
        return Runtime.version().feature() >= 25;
    }

    /**
     * {@code module}'s jar extracted into {@code folder} and its AOT cache trained with {@code env} (the
     * system's Kafka and PostgreSQL must be up: the run refreshes the context, which migrates the schema and
     * checks the topics) and {@code jvm}, the JVM options the service will run with. A folder made from the same
     * jar, JVM and options is reused as it is.
     *
     * @throws IllegalStateException when the training run fails or outlasts {@code timeout}; its output is in
     *     {@code folder/training.log}
     */
    public static ServiceImage trained(
            String module, Path imageFolder, Map<String, String> env, List<String> jvm, Duration timeout)
            throws IOException, InterruptedException {
        Path folder = imageFolder.toAbsolutePath();
        if (!aotSupported()) {
            throw new IllegalStateException("an AOT cache needs JDK 25 or newer; this is " + Runtime.version());
        }
        Path source = ServiceProcess.executableJar(module);
        String stamp = String.join(
                "\n",
                source.toAbsolutePath().toString(),
                String.valueOf(Files.size(source)),
                Files.getLastModifiedTime(source).toString(),
                ServiceProcess.javaBinary(),
                Runtime.version().toString(),
                String.join(" ", jvm));
        Path stampFile = folder.resolve("image.stamp");
        Path extracted = folder.resolve("jar").resolve(source.getFileName());
        Path cache = folder.resolve("app.aot");
        ServiceImage image = new ServiceImage(extracted, List.of("-XX:AOTCache=" + cache, AOT_LOG));
        if (Files.isRegularFile(stampFile)
                && Files.readString(stampFile).equals(stamp)
                && Files.isRegularFile(cache)
                && Files.isRegularFile(extracted)) {
            return image;
        }
        deleteTree(folder);
        Files.createDirectories(folder);
        Path log = folder.resolve("training.log");
        run(
                List.of(
                        "-Djarmode=tools",
                        "-jar",
                        source.toString(),
                        "extract",
                        "--destination",
                        extracted.getParent().toString()),
                Map.of(),
                log,
                timeout);
        Path fresh = folder.resolve("app.aot.new");
        List<String> training = new ArrayList<>(jvm);
        training.addAll(List.of(
                "-XX:AOTCacheOutput=" + fresh,
                AOT_LOG,
                "-Dspring.context.exit=onRefresh",
                "-jar",
                extracted.toString()));
        run(training, env, log, timeout);
        if (!Files.isRegularFile(fresh) || Files.size(fresh) == 0) {
            throw new IllegalStateException("the training run of " + module + " wrote no AOT cache; see " + log);
        }
        Files.move(fresh, cache, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        return image;
    }

    private static void run(List<String> arguments, Map<String, String> env, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaBinary());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServiceProcess.environment(builder, env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(
                    String.join(" ", arguments) + " did not end within " + timeout + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", arguments) + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
