package org.stockalerts.api.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.kafka.Topics;

/**
 * Reads a user's alerts of one partition of alerts-triggered straight from the topic, for a reconnect
 * whose missed alerts are neither stored yet nor in this instance's recent window (it started after
 * them). Reads up to the partition's end as it is when called: later records reach the stream live.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertTopicReader {

    private static final Logger log = LoggerFactory.getLogger(AlertTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<Object, Object> consumers;
    private final LiveSettings settings;
    private final Clock clock;

    /**
     * The alerts of {@code userId} in {@code partition} after {@code offset}, oldest first; empty when
     * they could not all be read within the replay read timeout.
     */
    Optional<List<LiveEvent>> after(UUID userId, int partition, long offset) {
        TopicPartition topicPartition = new TopicPartition(Topics.ALERTS_TRIGGERED.name(), partition);
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Instant deadline = clock.instant().plus(settings.replayReadTimeout());
        try (Consumer<Object, Object> consumer = consumers.createConsumer(null, "api-live-replay", null, overrides)) {
            consumer.assign(List.of(topicPartition));
            long end = consumer.endOffsets(List.of(topicPartition), settings.replayReadTimeout())
                    .get(topicPartition);
            consumer.seek(topicPartition, offset + 1);
            List<LiveEvent> found = new ArrayList<>();
            String key = userId.toString();
            while (consumer.position(topicPartition, settings.replayReadTimeout()) < end) {
                if (clock.instant().isAfter(deadline)) {
                    return unread(userId, partition, offset, "timed out");
                }
                for (ConsumerRecord<Object, Object> record : consumer.poll(POLL)) {
                    if (record.offset() < end
                            && key.equals(record.key())
                            && record.value() instanceof AlertTriggered alert) {
                        found.add(LiveEvent.alert(new AlertCursor(partition, record.offset()), alert));
                    }
                }
            }
            return Optional.of(found);
        } catch (KafkaException e) {
            return unread(userId, partition, offset, e.getMessage());
        }
    }

    private static Optional<List<LiveEvent>> unread(UUID userId, int partition, long offset, String why) {
        log.atWarn()
                .addKeyValue("userId", userId)
                .addKeyValue("partition", partition)
                .addKeyValue("offset", offset)
                .addKeyValue("error", why)
                .log("missed alerts not readable from the topic, ending the stream after the stored ones");
        return Optional.empty();
    }
}
