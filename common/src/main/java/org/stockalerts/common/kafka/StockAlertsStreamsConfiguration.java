package org.stockalerts.common.kafka;

import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The Kafka Streams settings every stream-processing service shares, imported with
 * {@code @Import}: exactly-once v2, unreadable records dead-lettered by
 * {@link DeadLetterDeserializationHandler}, a record whose processing throws failing its stream
 * thread (never skipped), dead threads replaced within the {@link BoundedThreadReplacement} budget,
 * the client's state reported as the {@code kafkaStreams} health component, and a client that leaves
 * its group when it closes, so a restarted instance gets its partitions back without waiting out the
 * session timeout. Internal topics are replicated like ours. A service's own
 * {@code spring.kafka.streams.properties.*} still override every property but the guarantee.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(StreamsClientSettings.class)
public class StockAlertsStreamsConfiguration {

    /** Settings every topology gets unless its service overrides them. */
    public static Map<String, Object> defaults(KafkaSettings settings) {
        return Map.of(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName(),
                // skipping a record would skip its alert evaluation without a trace: fail the thread instead
                // (docs/reliability.md, "Streams clients that cannot die silently")
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndFailProcessingExceptionHandler.class.getName(),
                StreamsConfig.REPLICATION_FACTOR_CONFIG,
                (int) settings.replicationFactor());
    }

    @Bean
    BoundedThreadReplacement streamThreadReplacement(StreamsClientSettings settings, ObjectProvider<Clock> clock) {
        return new BoundedThreadReplacement(clock.getIfAvailable(Clock::systemUTC), settings);
    }

    /** The Streams clients' application ids and topics, in the service's ready line. */
    @Bean
    StreamsReadyFacts streamsReadyFacts(ObjectProvider<StreamsBuilderFactoryBean> streams) {
        return new StreamsReadyFacts(streams);
    }

    /** Named so that the health endpoint lists it as {@code kafkaStreams}. */
    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(BoundedThreadReplacement replacement) {
        return new KafkaStreamsHealthIndicator(replacement);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer stockAlertsStreamsDefaults(
            KafkaSettings settings,
            StreamsClientSettings client,
            BoundedThreadReplacement replacement,
            KafkaStreamsHealthIndicator health) {
        return factoryBean -> {
            factoryBean.setStreamsUncaughtExceptionHandler(replacement);
            factoryBean.setStateListener(health);
            factoryBean.setLeaveGroupOnClose(true);
            factoryBean.setCloseTimeout((int) client.closeTimeout().toSeconds());
            Properties properties = factoryBean.getStreamsConfiguration();
            if (properties == null) {
                return;
            }
            defaults(settings).forEach(properties::putIfAbsent);
            // Kafka's 45 s default session makes a killed instance's partitions (and a replaced stream thread's:
            // it does not leave the group) wait 45 s for a new owner (docs/reliability.md)
            properties.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int)
                    client.sessionTimeout().toMillis());
            properties.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), (int)
                    client.sessionTimeout().dividedBy(3).toMillis());
            properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            factoryBean.setStreamsConfiguration(properties);
        };
    }
}
