package org.stockalerts.common.kafka.redrive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.stockalerts.common.kafka.DeadLetters;

/**
 * How one dead letter goes back: which headers it keeps, which partition it takes, and the reason it
 * is counted under. Pure functions of the record, so they are tested without a broker.
 */
final class DeadLetterRecords {

    /** Header naming where a republished record came from: {@code <dlt>-<partition>@<offset>}. */
    static final String REDRIVEN_FROM_HEADER = "stockalerts-redriven-from";

    /**
     * Headers that describe the failure or a retry attempt, not the record: spring-kafka's
     * {@code kafka_dlt-*}, its retry topics' {@code retry_topic-*} (a redriven delivery starts its
     * attempts afresh), the deserializer's exception headers, ours, and an earlier redrive's.
     */
    private static final List<String> FAILURE_PREFIXES = List.of(
            KafkaHeaders.PREFIX + "dlt-",
            "retry_topic-",
            SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER,
            SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
            "stockalerts-dlt-",
            REDRIVEN_FROM_HEADER);

    private static final int MAX_REASON_LENGTH = 200;

    private DeadLetterRecords() {}

    /** The record's own headers, without the failure's, plus {@value #REDRIVEN_FROM_HEADER}. */
    static Headers republishedHeaders(ConsumerRecord<byte[], byte[]> dead) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : dead.headers()) {
            if (FAILURE_PREFIXES.stream().noneMatch(header.key()::startsWith)) {
                headers.add(header);
            }
        }
        String from = dead.topic() + "-" + dead.partition() + "@" + dead.offset();
        headers.add(REDRIVEN_FROM_HEADER, from.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /**
     * The partition the record failed on, so it rejoins the records it was written among (a non-Java
     * producer may not partition as Java's murmur2 does): the {@code kafka_dlt-original-partition}
     * header when the record failed on {@code target} itself, else the dead-letter partition (every
     * dead-letter writer of the system keeps the partition). Null, letting the producer choose by
     * key, when that partition does not exist on {@code target}.
     */
    static Integer partition(ConsumerRecord<byte[], byte[]> dead, String target, int targetPartitions) {
        int partition = dead.partition();
        Header originalTopic = dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Header originalPartition = dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        if (originalTopic != null
                && target.equals(new String(originalTopic.value(), StandardCharsets.UTF_8))
                && originalPartition != null
                && originalPartition.value().length == Integer.BYTES) {
            partition = ByteBuffer.wrap(originalPartition.value()).getInt();
        }
        return partition >= 0 && partition < targetPartitions ? partition : null;
    }

    /**
     * Why the record was dead-lettered, without where (so equal failures count together): the
     * consumer that gave up, and our reason header with its topic, partition and offset cut out, else
     * spring-kafka's exception class and message.
     */
    static String reason(ConsumerRecord<byte[], byte[]> dead) {
        String consumer = text(dead, DeadLetters.CONSUMER_HEADER);
        String reason = text(dead, DeadLetters.REASON_HEADER);
        if (reason != null) {
            reason = reason.replaceFirst("^(.*?) on \\S+( partition -?\\d+)?( offset -?\\d+)?: ", "$1: ");
        } else {
            String exception = text(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
            exception = exception != null ? exception : text(dead, KafkaHeaders.DLT_EXCEPTION_FQCN);
            String message = text(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
            reason = exception == null ? "no reason recorded" : exception + (message == null ? "" : ": " + message);
        }
        if (consumer == null) {
            consumer = text(dead, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        }
        String line = (consumer == null ? "" : consumer + ": ") + reason.replaceAll("\\s+", " ");
        return line.length() > MAX_REASON_LENGTH ? line.substring(0, MAX_REASON_LENGTH - 1) + "…" : line;
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null || found.value() == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }
}
