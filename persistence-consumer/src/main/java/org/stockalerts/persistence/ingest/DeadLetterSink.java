package org.stockalerts.persistence.ingest;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSink.class);

    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetterSink(KafkaOperations<Object, Object> template, @Value("${spring.application.name}") String service) {
        this.recoverer = DeadLetters.recoverer(template, service);
    }

    void send(List<RejectedRecord> rejected) {
        for (RejectedRecord refusal : rejected) {
            log.atWarn()
                    .addKeyValue("topic", refusal.record().topic())
                    .addKeyValue("partition", refusal.record().partition())
                    .addKeyValue("offset", refusal.record().offset())
                    .log("dead-lettering record: {}", DeadLetters.reason(refusal.record(), refusal.cause()));
            recoverer.accept(refusal.record(), null, refusal.cause());
        }
    }
}
