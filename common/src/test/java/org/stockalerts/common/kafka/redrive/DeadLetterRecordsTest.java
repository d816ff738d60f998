package org.stockalerts.common.kafka.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.stockalerts.common.kafka.DeadLetters;

class DeadLetterRecordsTest {

    @Test
    void keepsTheRecordsOwnHeadersAndReplacesTheFailuresWithWhereItCameFrom() {
        // Given a dead letter with its own header, spring-kafka's, a retry attempt's, ours and an earlier redrive's
        ConsumerRecord<byte[], byte[]> dead = dead(
                3,
                "traceparent",
                "t",
                KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                "boom",
                KafkaHeaders.DLT_ORIGINAL_TOPIC,
                "stock-prices",
                "retry_topic-attempts",
                "3",
                "springDeserializerExceptionValue",
                "x",
                DeadLetters.REASON_HEADER,
                "r",
                DeadLetterRecords.REDRIVEN_FROM_HEADER,
                "stock-prices.DLT-3@1");

        // When its republished headers are built
        List<String> headers = new ArrayList<>();
        for (Header header : DeadLetterRecords.republishedHeaders(dead)) {
            headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }

        // Then only its own header is left, and this redrive's origin is added
        assertThat(headers).containsExactly("traceparent=t", "stockalerts-redriven-from=stock-prices.DLT-3@42");
    }

    @Test
    void goesBackToThePartitionItFailedOnWhenTheTargetHasIt() {
        ConsumerRecord<byte[], byte[]> dead = dead(2);
        dead.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, "stock-prices".getBytes(StandardCharsets.UTF_8));
        dead.headers()
                .add(
                        KafkaHeaders.DLT_ORIGINAL_PARTITION,
                        ByteBuffer.allocate(4).putInt(5).array());

        assertThat(DeadLetterRecords.partition(dead, "stock-prices", 6)).isEqualTo(5);
        assertThat(DeadLetterRecords.partition(dead, "stock-prices", 4))
                .as("no partition 5 any more")
                .isNull();
        assertThat(DeadLetterRecords.partition(dead(2), "stock-prices", 6))
                .as("without the header: the dead-letter partition")
                .isEqualTo(2);
    }

    @Test
    void countsEqualFailuresTogetherWhateverTheirOffset() {
        ConsumerRecord<byte[], byte[]> first = dead(
                0,
                DeadLetters.CONSUMER_HEADER,
                "persistence-consumer",
                DeadLetters.REASON_HEADER,
                "malformed record on stock-prices partition 0 offset 17: missing 'price'");
        ConsumerRecord<byte[], byte[]> second = dead(
                4,
                DeadLetters.CONSUMER_HEADER,
                "persistence-consumer",
                DeadLetters.REASON_HEADER,
                "malformed record on stock-prices partition 4 offset 9: missing 'price'");
        ConsumerRecord<byte[], byte[]> delivery = dead(
                1,
                KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
                "alert-consumer-delivery",
                KafkaHeaders.DLT_EXCEPTION_FQCN,
                "org.example.DeliveryFailedException",
                KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                "HTTP 503");

        assertThat(DeadLetterRecords.reason(first))
                .isEqualTo(DeadLetterRecords.reason(second))
                .isEqualTo("persistence-consumer: malformed record: missing 'price'");
        assertThat(DeadLetterRecords.reason(delivery))
                .isEqualTo("alert-consumer-delivery: org.example.DeliveryFailedException: HTTP 503");
        assertThat(DeadLetterRecords.reason(dead(0))).isEqualTo("no reason recorded");
    }

    private static ConsumerRecord<byte[], byte[]> dead(int partition, String... headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            recordHeaders.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(
                "stock-prices.DLT",
                partition,
                42,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                null,
                new byte[0],
                recordHeaders,
                Optional.empty());
    }
}
