package org.stockalerts.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The series the Grafana dashboards and the Prometheus alerting rules of tools/observability query: every
 * {@code stockalerts_…} and {@code kafka_…} name in them, as a scrape of the services must show it.
 */
final class ObservabilityQueries {

    private static final Path DIRECTORY = RepositoryFiles.ROOT.resolve("tools/observability");
    private static final Pattern SERIES = Pattern.compile("\\b((?:stockalerts|kafka)_[a-z0-9_]+)\\b");

    private ObservabilityQueries() {}

    /** The series names, from the dashboards' JSON and the alerting rules (comments and annotations included). */
    static Set<String> seriesNames() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> dashboards = Files.list(DIRECTORY.resolve("grafana/dashboards"))) {
            for (Path file : Stream.concat(dashboards, Stream.of(DIRECTORY.resolve("alert-rules.yml")))
                    .toList()) {
                Matcher series = SERIES.matcher(Files.readString(file));
                while (series.find()) {
                    names.add(series.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
