package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/** What the shared consumer customizer puts into a service's listener consumers, and what it leaves alone. */
class StockAlertsConsumerDefaultsTest {

    private static final KafkaSettings SETTINGS =
            new KafkaSettings((short) 1, false, 0, Duration.ZERO, Duration.ofSeconds(12));

    @Test
    void givesTheConsumersTheSessionTimeoutAndAHeartbeatOfAThirdOfIt() {
        Map<String, Object> configured = customize(Map.of());

        assertThat(configured)
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 12_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 4_000)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void keepsASessionTimeoutTheServiceSetsItself() {
        Map<String, Object> configured = customize(Map.of(
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 300_000, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000));

        assertThat(configured)
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 300_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
    }

    private static Map<String, Object> customize(Map<String, Object> service) {
        Map<String, Object> config = new HashMap<>(service);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        DefaultKafkaConsumerFactory<Object, Object> factory = new DefaultKafkaConsumerFactory<>(config);
        new StockAlertsKafkaConfiguration()
                .stockAlertsConsumerCustomizer(SETTINGS)
                .customize(factory);
        return factory.getConfigurationProperties();
    }
}
