package org.stockalerts.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/** Commit count of the engine's stream threads and time totals of their transactional producers. */
record CommitMetrics(Map<String, Double> totals) {

    private static final List<String> NAMES = List.of(
            "commit-total",
            "flush-time-ns-total",
            "txn-send-offsets-time-ns-total",
            "txn-commit-time-ns-total",
            "record-retry-total");

    static CommitMetrics of(KafkaStreams engine) {
        Map<String, Double> totals = new HashMap<>();
        engine.metrics().forEach((name, metric) -> {
            boolean thread =
                    name.group().equals("stream-thread-metrics") && name.name().equals("commit-total");
            boolean producer = name.group().equals("producer-metrics") && NAMES.contains(name.name());
            if ((thread || producer) && metric.metricValue() instanceof Number value) {
                totals.merge(name.name(), value.doubleValue(), Double::sum);
            }
        });
        NAMES.forEach(name -> totals.putIfAbsent(name, 0.0));
        return new CommitMetrics(Map.copyOf(totals));
    }

    /** How much {@code name} grew from {@code before} to this. */
    double since(CommitMetrics before, String name) {
        return totals.get(name) - before.totals.get(name);
    }

    /** The time {@code name} grew by per commit since {@code before}, in ms (0 without commits). */
    double perCommitMs(CommitMetrics before, String name, double commits) {
        return commits == 0 ? 0 : since(before, name) / commits / 1e6;
    }
}
