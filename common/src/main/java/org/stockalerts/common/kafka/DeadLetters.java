package org.stockalerts.common.kafka;

import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends records a consumer cannot process to {@code <topic>.DLT}, on the same partition, with
 * spring-kafka's standard {@code kafka_dlt-*} headers (original topic, partition, offset, consumer
 * group, exception) plus two of ours: {@value #REASON_HEADER}, a one-line reason naming topic,
 * partition and offset, and {@value #CONSUMER_HEADER}, the service that gave up on it. Each dead letter is one
 * warning in the log, with its topic, partition, offset, key and reason.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /**
     * Counter of the records dead-lettered, tagged {@code topic} (the dead-letter topic), in the registry Spring Boot
     * binds to Micrometer's global one.
     */
    public static final String WRITES_METRIC = "stockalerts.dlt.writes";

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

    /** Counts a record of {@code topic} dead-lettered ({@value #WRITES_METRIC}). */
    static void counted(String topic) {
        Metrics.counter(WRITES_METRIC, "topic", topic + TopicSpec.DEAD_LETTER_SUFFIX)
                .increment();
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

    /** The headers of {@code record}'s dead letter; called once per dead letter, so it logs the one line of it. */
    private static Headers headers(ConsumerRecord<?, ?> record, Exception exception, String consumer) {
        String reason = reason(record, exception);
        log.atWarn()
                .addKeyValue("topic", record.topic())
                .addKeyValue("partition", record.partition())
                .addKeyValue("offset", record.offset())
                .addKeyValue(
                        "key",
                        record.key() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : record.key())
                .log("dead-lettering record to {}: {}", record.topic() + TopicSpec.DEAD_LETTER_SUFFIX, reason);
        counted(record.topic());
        Headers headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
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
