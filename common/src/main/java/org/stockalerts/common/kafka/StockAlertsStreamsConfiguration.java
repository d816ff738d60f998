package org.stockalerts.common.kafka;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The Kafka Streams settings every stream-processing service shares, imported with
 * {@code @Import}: exactly-once v2, unreadable records dead-lettered by
 * {@link DeadLetterDeserializationHandler}, and internal topics replicated like ours. A service's
 * own {@code spring.kafka.streams.properties.*} still override everything but the guarantee.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class StockAlertsStreamsConfiguration {

    /** Settings every topology gets unless its service overrides them. */
    public static Map<String, Object> defaults(KafkaSettings settings) {
        return Map.of(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName(),
                StreamsConfig.REPLICATION_FACTOR_CONFIG,
                (int) settings.replicationFactor());
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer stockAlertsStreamsDefaults(KafkaSettings settings) {
        return factoryBean -> {
            Properties properties = factoryBean.getStreamsConfiguration();
            if (properties == null) {
                return;
            }
            defaults(settings).forEach(properties::putIfAbsent);
            properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            factoryBean.setStreamsConfiguration(properties);
        };
    }
}
