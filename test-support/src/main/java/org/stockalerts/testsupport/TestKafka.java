package org.stockalerts.testsupport;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/** A real Kafka broker for this test JVM, started on first use and stopped when the JVM exits. */
public final class TestKafka {

    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static String bootstrapServers;

    private TestKafka() {}

    /** The broker's bootstrap servers, starting it on first call. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = InfrastructureMode.detect() == InfrastructureMode.CONTAINERS ? container() : inProcess();
        }
        return bootstrapServers;
    }

    private static String container() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-stop"));
        return kafka.getBootstrapServers();
    }

    private static String inProcess() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "auto.create.topics.enable", "false"));
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Could not start the in-process Kafka broker for the integration tests. Run them where a Docker "
                            + "engine answers (Testcontainers), or fix the cause below.",
                    e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
        return broker.getBrokersAsString();
    }
}
