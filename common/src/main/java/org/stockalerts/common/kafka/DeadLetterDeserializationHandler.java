package org.stockalerts.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For Kafka Streams topologies: a record that cannot be deserialized is written, as it arrived, to
 * {@code <topic>.DLT} on the same partition (inside the task's transaction under exactly-once),
 * with the same reason and consumer headers as {@link DeadLetters}; the topology keeps running.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private String consumer = "unknown";

    @Override
    public void configure(Map<String, ?> configs) {
        Object applicationId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        if (applicationId != null) {
            consumer = applicationId.toString();
        }
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String reason = DeadLetters.reason(record, exception);
        log.atWarn()
                .addKeyValue("topic", record.topic())
                .addKeyValue("partition", record.partition())
                .addKeyValue("offset", record.offset())
                .log("dead-lettering unreadable record: {}", reason);
        DeadLetters.counted(record.topic());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetters.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(
                record.topic() + TopicSpec.DEAD_LETTER_SUFFIX,
                record.partition(),
                record.key(),
                record.value(),
                headers);
        return Response.resume(List.of(dead));
    }
}
