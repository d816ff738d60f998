package org.stockalerts.persistence.ingest;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;
import org.stockalerts.common.kafka.DeadLetters;

/**
 * Publishes refused records to {@code <topic>.DLT} through the shared recoverer and waits for the
 * broker's acknowledgement, so a batch's offsets are committed only once its refusals are safe.
 */
@Component
class DeadLetterSink {

    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetterSink(KafkaOperations<Object, Object> template, @Value("${spring.application.name}") String service) {
        this.recoverer = DeadLetters.recoverer(template, service);
    }

    void send(List<RejectedRecord> rejected) {
        for (RejectedRecord refusal : rejected) {
            recoverer.accept(refusal.record(), null, refusal.cause());
        }
    }
}
