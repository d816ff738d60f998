package org.stockalerts.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka plumbing every service shares, imported with {@code @Import}: the topics (created when
 * missing), producers that are idempotent with {@code acks=all} and write JSON events, consumers
 * that read JSON events behind an {@link ErrorHandlingDeserializer}, and a listener error handler
 * that retries a few times and then dead-letters the record, so a consumer never stalls (a service
 * may adjust that handler with a {@link ListenerErrorHandlerCustomizer}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaSettings.class)
public class StockAlertsKafkaConfiguration {

    /** Producer settings every producer of the system uses. */
    public static final Map<String, Object> PRODUCER_GUARANTEES = Map.of(
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
            5);

    /** Consumer settings every consumer of the system uses. */
    public static final Map<String, Object> CONSUMER_GUARANTEES = Map.of(
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

    /**
     * The dead-letter counter of each topic's dead-letter topic, at zero from the start, so a dashboard and an alerting
     * rule see the series before the first dead letter.
     */
    @Bean
    MeterBinder stockAlertsDeadLetterMeters() {
        return registry -> Topics.ALL.forEach(topic -> Counter.builder(DeadLetters.WRITES_METRIC)
                .description("Records dead-lettered, by dead-letter topic")
                .tag("topic", topic.deadLetterTopic())
                .register(registry));
    }

    /** Every listener container logs its rebalances, one line each. */
    @Bean
    static AssignmentLogging stockAlertsAssignmentLogging() {
        return new AssignmentLogging();
    }

    @Bean
    KafkaAdmin.NewTopics stockAlertsTopics(KafkaSettings settings) {
        List<NewTopic> topics = new ArrayList<>();
        if (settings.createTopics()) {
            for (TopicSpec<?> topic : Topics.ALL) {
                topics.add(TopicBuilder.name(topic.name())
                        .partitions(topic.partitions())
                        .replicas(settings.replicationFactor())
                        .configs(topic.configs())
                        .build());
                topics.add(TopicBuilder.name(topic.deadLetterTopic())
                        .partitions(topic.partitions())
                        .replicas(settings.replicationFactor())
                        .config("retention.ms", String.valueOf(Topics.DEAD_LETTER_RETENTION.toMillis()))
                        .build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer stockAlertsProducerCustomizer() {
        return factory -> {
            factory.updateConfigs(PRODUCER_GUARANTEES);
            factory.updateConfigs(Map.of(
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonEventSerializer.class));
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer stockAlertsConsumerCustomizer(KafkaSettings settings) {
        return factory -> {
            factory.updateConfigs(CONSUMER_GUARANTEES);
            if (!factory.getConfigurationProperties().containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
                factory.updateConfigs(Map.of(
                        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                        (int) settings.consumerSessionTimeout().toMillis(),
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                        (int) settings.consumerSessionTimeout().dividedBy(3).toMillis()));
            }
            factory.updateConfigs(Map.of(
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                    ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, JsonEventDeserializer.class));
        };
    }

    @Bean
    TombstoneGuard stockAlertsTombstoneGuard() {
        return new TombstoneGuard();
    }

    @Bean
    CommonErrorHandler stockAlertsErrorHandler(
            KafkaOperations<Object, Object> template,
            KafkaSettings settings,
            @Value("${spring.application.name}") String service,
            ObjectProvider<ListenerErrorHandlerCustomizer> customizers) {
        DefaultErrorHandler handler = new DefaultErrorHandler(
                DeadLetters.recoverer(template, service),
                new FixedBackOff(settings.listenerRetryBackoff().toMillis(), settings.listenerRetries()));
        handler.addNotRetryableExceptions(MalformedEventException.class, IllegalArgumentException.class);
        customizers.orderedStream().forEach(customizer -> customizer.customize(handler));
        return handler;
    }
}
