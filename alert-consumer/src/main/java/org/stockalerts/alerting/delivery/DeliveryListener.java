package org.stockalerts.alerting.delivery;

import java.nio.ByteBuffer;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.stockalerts.common.kafka.KafkaSettings;
import org.stockalerts.common.kafka.TopicSpec;

/**
 * Consumes delivery tasks. A failed attempt goes to the next retry topic and waits there without
 * blocking this one, so a slow or failing receiver delays only its own deliveries; past the Kafka
 * retries the next attempt is parked in the database (see {@link RetrySchedule}). When no retry can
 * help, or the last attempt was a Kafka one, the task goes to {@link DeliveryTopics#DEAD_LETTERS}.
 */
@Component
@RequiredArgsConstructor
public class DeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryListener.class);

    private final DeliveryService deliveries;

    @RetryableTopic(
            attempts = "#{@deliveryRetrySchedule.attempts()}",
            backOff =
                    @BackOff(
                            delayString = "#{@deliveryRetrySchedule.initialDelayMillis()}",
                            multiplierString = "#{@deliveryRetrySchedule.multiplier()}",
                            maxDelayString = "#{@deliveryRetrySchedule.maxDelayMillis()}"),
            numPartitions = "#{@deliveryRetrySchedule.partitions()}",
            replicationFactor = KafkaSettings.REPLICATION_FACTOR_EXPRESSION,
            retryTopicSuffix = DeliveryTopics.RETRY_SUFFIX,
            dltTopicSuffix = TopicSpec.DEAD_LETTER_SUFFIX,
            exclude = DeliveryRefusedException.class,
            traversingCauses = "true")
    @KafkaListener(
            id = "alert-delivery",
            topics = DeliveryTopics.REQUESTS,
            groupId = "alert-delivery-send",
            concurrency = "#{@deliveryRetrySchedule.concurrency()}",
            properties = "spring.deserializer.value.delegate.class="
                    + "org.stockalerts.alerting.delivery.DeliveryRequestDeserializer")
    public void deliver(
            DeliveryRequest request,
            @Header(name = RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS, required = false) byte[] attempts) {
        deliveries.deliver(request, attemptNumber(attempts));
    }

    @DltHandler
    public void deadLettered(DeliveryRequest request, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) {
        log.atWarn()
                .addKeyValue("alertId", request.alert().alertId())
                .addKeyValue("userId", request.alert().userId())
                .addKeyValue("ruleId", request.alert().ruleId())
                .addKeyValue("channel", request.channel())
                .addKeyValue("channelId", request.channelId())
                .addKeyValue("topic", topic)
                .log("delivery given up");
    }

    /** The attempt a record on the main or a retry topic is: 1 on the main topic. */
    static int attemptNumber(byte[] header) {
        return header == null || header.length != Integer.BYTES
                ? 1
                : ByteBuffer.wrap(header).getInt();
    }
}
