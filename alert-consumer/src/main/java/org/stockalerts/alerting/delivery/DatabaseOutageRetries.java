package org.stockalerts.alerting.delivery;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.stockalerts.common.kafka.ListenerErrorHandlerCustomizer;

/**
 * Makes a listener error handler wait out a database outage: a record whose failure is a
 * {@link DatabaseOutage} is retried in place with exponential backoff for up to
 * {@link DatabaseOutageSettings#maxWait()}; every other failure keeps the handler's own backoff. Applied
 * to the shared handler (fan-out, erasure) as a {@link ListenerErrorHandlerCustomizer} and to the
 * delivery retry topics' handlers by {@link DeliveryRetryTopics}, where a database failure thus
 * neither uses up a delivery attempt nor reaches the dead-letter topic.
 */
@Component
@RequiredArgsConstructor
public class DatabaseOutageRetries implements ListenerErrorHandlerCustomizer {

    private final DatabaseOutageSettings settings;
    private final DatabaseOutageLog outageLog;

    @Override
    public void customize(DefaultErrorHandler handler) {
        handler.setBackOffFunction(this::backOffFor);
        handler.setRetryListeners(outageLog);
    }

    /** The outage backoff for a database outage, else none: the handler's own applies. */
    BackOff backOffFor(ConsumerRecord<?, ?> record, Exception failure) {
        return DatabaseOutage.isCause(failure) ? outageBackOff() : null;
    }

    /** A fresh backoff; the handler starts one execution of it per failed record. */
    ExponentialBackOff outageBackOff() {
        ExponentialBackOff backOff =
                new ExponentialBackOff(settings.initialBackoff().toMillis(), settings.backoffMultiplier());
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        backOff.setMaxElapsedTime(settings.maxWait().toMillis());
        return backOff;
    }
}
