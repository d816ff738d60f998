package org.stockalerts.persistence.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * Counts and logs each failed attempt at a whole batch (the database unreachable), as the metric
 * {@value #METRIC} tagged with the topic, so an outage is visible while the listener backs off.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BatchFailures implements RetryListener {

    /** Name of the counter of failed batch attempts. */
    static final String METRIC = "stockalerts.persistence.batch.failures";

    private static final Logger log = LoggerFactory.getLogger(BatchFailures.class);

    private final MeterRegistry registry;

    @Override
    public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
        String topic = records.isEmpty() ? "unknown" : records.iterator().next().topic();
        Counter.builder(METRIC)
                .description("Attempts at storing a batch that failed as a whole and will be retried")
                .tag("topic", topic)
                .register(registry)
                .increment();
        log.atWarn()
                .addKeyValue("topic", topic)
                .addKeyValue("records", records.count())
                .addKeyValue("attempt", attempt)
                .log("storing a batch failed, retrying after backoff: {}", SqlErrors.message(failure));
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
        log.atWarn()
                .addKeyValue("topic", record.topic())
                .addKeyValue("partition", record.partition())
                .addKeyValue("offset", record.offset())
                .addKeyValue("attempt", attempt)
                .log("storing a record failed: {}", failure.getMessage());
    }
}
