package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** What the shared Streams configurer puts into a service's Streams client configuration, and what it leaves alone. */
class StockAlertsStreamsDefaultsTest {

    private static final String SESSION = StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
    private static final String HEARTBEAT = StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
    private static final StreamsClientSettings SETTINGS =
            new StreamsClientSettings(5, Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(12));

    @Test
    void givesTheConsumersTheSessionTimeoutAndAHeartbeatOfAThirdOfIt() {
        Properties configured = configure(Map.of());

        assertThat(configured).containsEntry(SESSION, 12_000).containsEntry(HEARTBEAT, 4_000);
        assertThat(configured).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void keepsASessionTimeoutTheServiceSetsItself() {
        Properties configured = configure(Map.of(SESSION, 300_000, HEARTBEAT, 1_000));

        assertThat(configured).containsEntry(SESSION, 300_000).containsEntry(HEARTBEAT, 1_000);
    }

    @Test
    void keepsExactlyOnceEvenWhenTheServiceAsksForLess() {
        Properties configured =
                configure(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));

        assertThat(configured).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    }

    private static Properties configure(Map<String, Object> service) {
        Map<String, Object> config = new HashMap<>(service);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "defaults-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(config));
        BoundedThreadReplacement replacement = new BoundedThreadReplacement(Clock.systemUTC(), SETTINGS);
        new StockAlertsStreamsConfiguration()
                .stockAlertsStreamsDefaults(
                        new KafkaSettings((short) 1, false, 0, Duration.ZERO, Duration.ofSeconds(10)),
                        SETTINGS,
                        replacement,
                        new KafkaStreamsHealthIndicator(replacement))
                .configure(factory);
        return factory.getStreamsConfiguration();
    }
}
