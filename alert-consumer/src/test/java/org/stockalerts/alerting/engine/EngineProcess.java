package org.stockalerts.alerting.engine;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.stockalerts.common.kafka.KafkaSettings;
import org.stockalerts.common.kafka.StockAlertsStreamsConfiguration;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TickTimeSettings;
import org.stockalerts.common.rules.SymbolState;
import org.stockalerts.common.tracing.TraceParents;

/**
 * The engine alone in a JVM of its own, so a test can kill it (SIGKILL, no clean shutdown) and
 * start it again. Arguments: bootstrap servers, application id, state directory, commit interval in ms.
 */
public final class EngineProcess {

    private EngineProcess() {}

    public static void main(String[] args) throws InterruptedException {
        KafkaStreams streams = start(args[0], args[1], args[2], Long.parseLong(args[3]));
        Runtime.getRuntime().addShutdownHook(new Thread(streams::close, "engine-stop"));
        new CountDownLatch(1).await();
    }

    static KafkaStreams start(String bootstrap, String applicationId, String stateDir, long commitIntervalMs) {
        return start(bootstrap, applicationId, stateDir, commitIntervalMs, Map.of());
    }

    /** As the service runs it, with {@code overrides} applied last. */
    static KafkaStreams start(
            String bootstrap,
            String applicationId,
            String stateDir,
            long commitIntervalMs,
            Map<String, Object> overrides) {
        return start(bootstrap, applicationId, stateDir, commitIntervalMs, overrides, SymbolStateSerde.create());
    }

    /** As the service runs it, with {@code overrides} applied last and {@code symbolStateSerde} for the symbol store. */
    static KafkaStreams start(
            String bootstrap,
            String applicationId,
            String stateDir,
            long commitIntervalMs,
            Map<String, Object> overrides,
            Serde<SymbolState> symbolStateSerde) {
        StreamsBuilder builder = new StreamsBuilder();
        new AlertEngineTopology(
                        new EngineSettings(Duration.ofMinutes(1), Duration.ofMillis(250), Duration.ofSeconds(5)),
                        new SimpleMeterRegistry(),
                        new TickTimeBound(Clock.systemUTC(), TickTimeSettings.defaults()),
                        symbolStateSerde,
                        TraceParents.NONE)
                .addTo(builder);
        Properties properties = new Properties();
        StockAlertsStreamsConfiguration.defaults(
                        new KafkaSettings((short) 1, false, 0, Duration.ZERO, Duration.ofSeconds(10)))
                .forEach(properties::put);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // a killed instance's group membership and open transaction expire quickly, so the test stays short
        properties.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6000);
        properties.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1000);
        properties.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 5000);
        properties.putAll(overrides);
        KafkaStreams streams = new KafkaStreams(builder.build(), properties);
        streams.start();
        return streams;
    }
}
