package org.stockalerts.benchmarks;

import com.yammer.metrics.core.Histogram;
import com.yammer.metrics.core.MetricName;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

/**
 * The request times of a broker running in this JVM ({@code BENCH_BROKER=in-process}), per request
 * type on the exactly-once path: where a produce, an offset commit or a transaction marker spends
 * its time (queued, handled, waiting on another broker component, response). The histograms favour
 * the last minutes, so printed right after a phase they describe mostly that phase.
 */
final class BrokerRequestTimes {

    private static final List<String> REQUESTS =
            List.of("Produce", "Fetch", "TxnOffsetCommit", "EndTxn", "WriteTxnMarkers", "AddPartitionsToTxn");
    private static final List<String> PARTS = List.of(
            "TotalTimeMs",
            "RequestQueueTimeMs",
            "LocalTimeMs",
            "RemoteTimeMs",
            "ResponseQueueTimeMs",
            "ResponseSendTimeMs");

    private BrokerRequestTimes() {}

    static void print() {
        Map<String, Map<String, Histogram>> byRequest = new TreeMap<>();
        KafkaYammerMetrics.defaultRegistry().allMetrics().forEach((MetricName name, Object metric) -> {
            if (!"RequestMetrics".equals(name.getType()) || !(metric instanceof Histogram histogram)) {
                return;
            }
            String scope = name.getScope() == null ? "" : name.getScope();
            String request = scope.replaceFirst("^request\\.", "").replaceFirst("\\.version.*$", "");
            if (REQUESTS.contains(request) && PARTS.contains(name.getName()) && !scope.contains("fetcher")) {
                byRequest.computeIfAbsent(request, r -> new TreeMap<>()).put(name.getName(), histogram);
            }
        });
        if (byRequest.isEmpty()) {
            return;
        }
        AlertEngineBenchmark.print("broker request times, median / p99 ms (in-process broker):%n");
        byRequest.forEach((request, parts) -> {
            StringBuilder line = new StringBuilder("  %-20s".formatted(request));
            for (String part : PARTS) {
                Histogram histogram = parts.get(part);
                if (histogram != null) {
                    line.append(" %s %.1f/%.1f"
                            .formatted(
                                    part.replace("TimeMs", ""),
                                    histogram.getSnapshot().getMedian(),
                                    histogram.getSnapshot().get99thPercentile()));
                }
            }
            AlertEngineBenchmark.print("%s%n", line);
        });
    }
}
