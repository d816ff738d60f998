package org.stockalerts.persistence.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.common.kafka.PriceTickDeserializer;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.ops.ReadyFacts;
import org.stockalerts.persistence.PersistenceSettings;

/**
 * The batch listener containers of the persistence consumer. Offsets are committed when the
 * listener returns, i.e. after the database commit. A batch that fails as a whole (the database
 * is unreachable) is retried with exponential backoff and no limit, with the consumer paused, so
 * the service resumes by itself when the database returns and loses nothing.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceKafkaConfiguration {

    /** Bean name of the container factory of the alerts, analytics and user-event listeners. */
    public static final String BATCH_FACTORY = "persistenceBatchListenerFactory";

    /**
     * Bean name of the container factory of the ticks listener: the same, reading ticks with a {@link
     * PriceTickDeserializer} that refuses ticks outside the service's {@link TickTimeBound} (an
     * instance, not a class name in the consumer properties, so it reads the service's clock).
     */
    public static final String TICKS_FACTORY = "persistenceTicksListenerFactory";

    private static final double BACKOFF_MULTIPLIER = 2.0;

    private final ConcurrentKafkaListenerContainerFactoryConfigurer configurer;
    private final ConsumerFactory<Object, Object> consumerFactory;
    private final KafkaOperations<Object, Object> template;
    private final PersistenceSettings settings;
    private final MeterRegistry registry;
    private final TickTimeBound bound;
    private final String service;

    PersistenceKafkaConfiguration(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory,
            KafkaOperations<Object, Object> template,
            PersistenceSettings settings,
            MeterRegistry registry,
            TickTimeBound bound,
            @Value("${spring.application.name}") String service) {
        this.configurer = configurer;
        this.consumerFactory = consumerFactory;
        this.template = template;
        this.settings = settings;
        this.registry = registry;
        this.bound = bound;
        this.service = service;
    }

    /** How long ticks are kept and how the listeners consume, in the service's ready line. */
    @Bean
    ReadyFacts persistenceFacts() {
        return () -> Map.of(
                "tickRetentionDays", settings.tickRetentionDays(),
                "listenerConcurrency", settings.listenerConcurrency(),
                "maxPollRecords", settings.maxPollRecords());
    }

    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> persistenceBatchListenerFactory() {
        return batchFactory(measured(new DefaultKafkaConsumerFactory<>(consumerSettings())));
    }

    @Bean(TICKS_FACTORY)
    @SuppressWarnings("unchecked") // the listener reads PriceTicks; the container factory is typed Object
    ConcurrentKafkaListenerContainerFactory<Object, Object> persistenceTicksListenerFactory() {
        Deserializer<Object> ticks = (Deserializer<Object>)
                (Deserializer<?>) new ErrorHandlingDeserializer<>(new PriceTickDeserializer(bound));
        return batchFactory(measured(new DefaultKafkaConsumerFactory<>(consumerSettings(), null, ticks)));
    }

    /** The consumers' own metrics (their lag among them) in the service's registry, as Boot's factory has them. */
    private DefaultKafkaConsumerFactory<Object, Object> measured(DefaultKafkaConsumerFactory<Object, Object> factory) {
        factory.addListener(new MicrometerConsumerListener<>(registry));
        return factory;
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> consumer = new HashMap<>(consumerFactory.getConfigurationProperties());
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        consumer.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, (int)
                settings.maxPartitionFetchSize().toBytes());
        return consumer;
    }

    private ConcurrentKafkaListenerContainerFactory<Object, Object> batchFactory(
            ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(settings.listenerConcurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        DefaultErrorHandler errorHandler = retryingForever();
        errorHandler.setRetryListeners(new BatchFailures(registry));
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    private DefaultErrorHandler retryingForever() {
        ExponentialBackOff backOff =
                new ExponentialBackOff(settings.databaseRetryInitialBackoff().toMillis(), BACKOFF_MULTIPLIER);
        backOff.setMaxInterval(settings.databaseRetryMaxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return new DefaultErrorHandler(DeadLetters.recoverer(template, service), backOff);
    }
}
