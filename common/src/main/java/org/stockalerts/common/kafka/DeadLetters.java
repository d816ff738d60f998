package org.stockalerts.common.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends records a consumer cannot process to {@code <topic>.DLT}, on the same partition, with
 * spring-kafka's standard {@code kafka_dlt-*} headers (original topic, partition, offset, consumer
 * group, exception) plus two of ours: {@value #REASON_HEADER}, a one-line reason naming topic,
 * partition and offset, and {@value #CONSUMER_HEADER}, the service that gave up on it.
 */
public final class DeadLetters {

    /** Header carrying the one-line reason. */
    public static final String REASON_HEADER = "stockalerts-dlt-reason";

    /** Header carrying the name of the consuming service. */
    public static final String CONSUMER_HEADER = "stockalerts-dlt-consumer";

    private DeadLetters() {}

    /** A recoverer publishing through {@code template}; {@code consumer} names the service. */
    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> template, String consumer) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template,
                (record, exception) ->
                        new TopicPartition(record.topic() + TopicSpec.DEAD_LETTER_SUFFIX, record.partition()));
        recoverer.setHeadersFunction((record, exception) -> headers(record, exception, consumer));
        return recoverer;
    }

    /** The one-line reason for {@code record} failing with {@code exception}. */
    public static String reason(ConsumerRecord<?, ?> record, Exception exception) {
        MalformedEventException malformed = findMalformed(exception);
        if (malformed != null) {
            return malformed.at(record.partition(), record.offset()).getMessage();
        }
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "failed record on " + record.topic() + " partition " + record.partition() + " offset " + record.offset()
                + ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Headers headers(ConsumerRecord<?, ?> record, Exception exception, String consumer) {
        Headers headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason(record, exception).getBytes(StandardCharsets.UTF_8));
        headers.add(CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static MalformedEventException findMalformed(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException malformed) {
                return malformed;
            }
        }
        return null;
    }
}
