package org.stockalerts.api.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.common.tracing.TraceParents;

/**
 * The relay publishes through a template on Boot's producer factory (idempotent, {@code acks=all},
 * JSON values, from common), with {@code max.block.ms} bounded by the relay's send timeout, so an
 * unreachable broker fails a batch quickly instead of blocking the relay for a minute. Its sends are
 * observed (a span each, the record's traceparent header): the ticks' template is not, a span per tick
 * being more than any trace backend wants.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            ProducerFactory<Object, Object> producerFactory,
            OutboxSettings settings,
            Clock clock,
            MeterRegistry meters,
            ObservationRegistry observations,
            TraceParents traces) {
        KafkaTemplate<Object, Object> kafka = new KafkaTemplate<>(
                producerFactory,
                Map.of(
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        settings.sendTimeout().toMillis()));
        kafka.setObservationEnabled(true);
        kafka.setObservationRegistry(observations);
        return new OutboxRelay(
                jdbc, new TransactionTemplate(transactionManager), kafka, settings, clock, meters, traces);
    }

    @Bean
    @ConditionalOnProperty(name = "stockalerts.api.outbox.enabled", matchIfMissing = true)
    OutboxRelayScheduler outboxRelayScheduler(OutboxRelay relay, OutboxSettings settings) {
        return new OutboxRelayScheduler(relay, settings);
    }
}
