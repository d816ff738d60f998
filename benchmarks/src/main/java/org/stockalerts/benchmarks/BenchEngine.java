package org.stockalerts.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.stockalerts.alerting.engine.AlertEngineTopology;
import org.stockalerts.alerting.engine.EngineSettings;
import org.stockalerts.common.kafka.KafkaSettings;
import org.stockalerts.common.kafka.StockAlertsStreamsConfiguration;

/**
 * The engine under test: alert-consumer's topology with the service's Streams settings, started and
 * restarted on one state directory, and how far it has read.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class BenchEngine {

    static final String APPLICATION_ID = "alert-engine-bench";

    /** The repartition topic of the ticks that arrive off their symbol's partition. */
    static final String REROUTED_TICKS = APPLICATION_ID + "-engine-ticks-by-symbol-repartition";

    static final String RULES_BY_SYMBOL = APPLICATION_ID + "-engine-rules-by-symbol-repartition";

    private static final String EXPERIMENT_PREFIX = "bench.streams.";

    private final BenchKafka kafka;
    private final Path stateDir;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, String> serviceSettings = ServiceStreamsSettings.of(AlertEngineTopology.class);
    private final EngineSettings engineSettings = new EngineSettings(
            Duration.ofMinutes(1),
            Duration.parse(ServiceStreamsSettings.setting(
                    AlertEngineTopology.class, "stockalerts.engine.expedite-commit-within")),
            Duration.parse(
                    ServiceStreamsSettings.setting(AlertEngineTopology.class, "stockalerts.engine.catch-up-wait")));

    SimpleMeterRegistry meters() {
        return meters;
    }

    KafkaStreams start() {
        StreamsBuilder builder = new StreamsBuilder();
        new AlertEngineTopology(engineSettings, meters, BenchmarkTicks.bound()).addTo(builder);
        KafkaStreams streams = new KafkaStreams(builder.build(), streamsProperties(APPLICATION_ID));
        streams.start();
        return streams;
    }

    /** A restarted instance then need not wait for the old member's session to time out. */
    static CloseOptions leavingGroup() {
        return CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofMinutes(1));
    }

    /** The engine's Streams settings under {@code applicationId}, with a state directory of its own. */
    Properties streamsProperties(String applicationId) {
        Properties properties = new Properties();
        StockAlertsStreamsConfiguration.defaults(
                        new KafkaSettings((short) 1, false, 0, Duration.ZERO, Duration.ofSeconds(10)))
                .forEach(properties::put);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        properties.put(
                StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
        properties.putAll(serviceSettings);
        // experiments: -Dbench.streams.<setting>=<value> (through BENCH_JAVA_OPTS) overrides a Streams setting
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(EXPERIMENT_PREFIX))
                .forEach(name -> properties.put(name.substring(EXPERIMENT_PREFIX.length()), System.getProperty(name)));
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return properties;
    }

    /** The offsets the engine has committed on {@code topic}, summed over its partitions. */
    long committed(String topic) throws Exception {
        return kafka.committed(APPLICATION_ID, topic);
    }

    void awaitCaughtUp(String topic, Duration timeout) throws Exception {
        kafka.awaitCaughtUp(APPLICATION_ID, topic, timeout);
    }

    /** Re-routed ticks written to the repartition topic and not yet read from it. */
    long rerouteBacklog() throws Exception {
        return kafka.written(REROUTED_TICKS) - committed(REROUTED_TICKS);
    }
}
