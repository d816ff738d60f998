package org.stockalerts.alerting.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.kafka.JsonEventDeserializer;
import org.stockalerts.common.kafka.JsonEventSerializer;
import org.stockalerts.common.kafka.MalformedEventException;
import org.stockalerts.common.kafka.StockAlertsKafkaConfiguration;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.ConsumerProgress;

/** The engine's topics on the real test broker, and clients of them as the services configure theirs. */
final class EngineTopics {

    private static final JsonEventDeserializer<AlertTriggered> ALERTS =
            new JsonEventDeserializer<>(AlertTriggered.class);

    private EngineTopics() {}

    /** Creates every topic (and its dead-letter topic) that does not exist yet. */
    static void create(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> topics = new ArrayList<>();
            for (TopicSpec<?> topic : Topics.ALL) {
                for (String name : List.of(topic.name(), topic.deadLetterTopic())) {
                    if (!existing.contains(name)) {
                        topics.add(new NewTopic(name, topic.partitions(), (short) 1));
                    }
                }
            }
            admin.createTopics(topics).all().get();
        }
    }

    static KafkaProducer<String, Object> producer(String bootstrap) {
        return producer(bootstrap, Map.of());
    }

    /** A producer as the services configure theirs, with {@code overrides} (a partitioner, say). */
    static KafkaProducer<String, Object> producer(String bootstrap, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(StockAlertsKafkaConfiguration.PRODUCER_GUARANTEES);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new JsonEventSerializer<>());
    }

    /** A consumer of {@code alerts-triggered} from the beginning, read_committed unless told otherwise. */
    static KafkaConsumer<String, AlertTriggered> alertConsumer(String bootstrap, boolean readCommitted) {
        Map<String, Object> config = new HashMap<>(StockAlertsKafkaConfiguration.CONSUMER_GUARANTEES);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "engine-test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (!readCommitted) {
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        }
        KafkaConsumer<String, AlertTriggered> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), EngineTopics::readableAlert);
        consumer.subscribe(List.of(Topics.ALERTS_TRIGGERED.name()));
        return consumer;
    }

    /**
     * An alert, or {@code null} for a record on the shared topic that is none: other tests feed {@code
     * alerts-triggered} malformed records on purpose, and a reader of the whole topic must pass them by.
     */
    private static AlertTriggered readableAlert(String topic, byte[] data) {
        try {
            return ALERTS.deserialize(topic, data);
        } catch (MalformedEventException unreadable) {
            return null;
        }
    }

    /** The rule of an alert read by {@link #alertConsumer}, none for a record that is no alert. */
    static Optional<UUID> ruleOf(ConsumerRecord<String, AlertTriggered> record) {
        return Optional.ofNullable(record.value()).map(AlertTriggered::ruleId);
    }

    /** Whether {@code applicationId} has applied every rule change written so far to its symbol's partition. */
    static boolean rulesApplied(String bootstrap, String applicationId) throws Exception {
        return ConsumerProgress.caughtUp(bootstrap, applicationId, Topics.ALERT_RULES.name())
                && ConsumerProgress.caughtUp(
                        bootstrap,
                        applicationId,
                        applicationId + "-" + AlertEngineTopology.RULES_BY_SYMBOL + "-repartition");
    }
}
