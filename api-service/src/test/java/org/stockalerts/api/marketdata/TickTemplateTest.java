package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.stockalerts.common.event.PriceTick;

class TickTemplateTest {

    private final DefaultKafkaProducerFactory<String, PriceTick> shared = new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.ACKS_CONFIG, "all"));

    @Test
    void ticksAreSentWithThePublishLingerAndOtherwiseTheSharedSettings() {
        var template = MarketDataConfiguration.tickTemplate(shared, settings(Duration.ZERO));

        Map<String, Object> config = template.getProducerFactory().getConfigurationProperties();
        assertThat(config)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(shared.getConfigurationProperties()).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    @Test
    void aConfiguredLingerIsUsed() {
        var template = MarketDataConfiguration.tickTemplate(shared, settings(Duration.ofMillis(20)));

        assertThat(template.getProducerFactory().getConfigurationProperties())
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20);
    }

    @Test
    void aNegativeLingerIsRefused() {
        assertThatThrownBy(() -> settings(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publish-linger");
    }

    private static MarketDataSettings settings(Duration publishLinger) {
        return new MarketDataSettings(
                true,
                "",
                List.of(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                1L,
                ZoneId.of("America/New_York"),
                publishLinger);
    }
}
