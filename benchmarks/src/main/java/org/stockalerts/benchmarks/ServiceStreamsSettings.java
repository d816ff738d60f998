package org.stockalerts.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The Kafka Streams properties a service runs with, read from its own {@code application.yml}
 * ({@code spring.kafka.streams.properties.*}) with the same environment variables applied, so a
 * benchmark measures the service's defaults, and {@code STOCKALERTS_ENGINE_COMMIT_INTERVAL_MS=10
 * benchmarks/run-alert-engine.sh} measures what that setting would do.
 */
final class ServiceStreamsSettings {

    private ServiceStreamsSettings() {}

    /** The streams properties of the service whose classes include {@code serviceClass}. */
    static Map<String, String> of(Class<?> serviceClass) {
        Map<String, String> properties = new TreeMap<>(Binder.get(environment(serviceClass))
                .bind("spring.kafka.streams.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        AlertEngineBenchmark.print("service streams settings of %s: %s%n", serviceClass.getSimpleName(), properties);
        return properties;
    }

    /** One setting of that service, e.g. {@code stockalerts.engine.expedite-commit-within}. */
    static String setting(Class<?> serviceClass, String key) {
        String value = environment(serviceClass).getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no " + key + " in the application.yml of " + serviceClass.getName());
        }
        AlertEngineBenchmark.print("service setting %s=%s%n", key, value);
        return value;
    }

    private static StandardEnvironment environment(Class<?> serviceClass) {
        Path yaml = classesDirectory(serviceClass).resolve("application.yml");
        if (!Files.isRegularFile(yaml)) {
            throw new IllegalStateException("no application.yml next to " + serviceClass.getName() + " at " + yaml);
        }
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader()
                    .load(yaml.toString(), new FileSystemResource(yaml))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return environment;
    }

    private static Path classesDirectory(Class<?> serviceClass) {
        try {
            return Path.of(serviceClass
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
