package org.stockalerts.common.ops;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * The one INFO line a service logs once it is ready: its port and management port, where Kafka and PostgreSQL
 * are (the database URL without its parameters), the consumer groups and topics of its listeners, then what its
 * {@link ReadyFacts} beans name (a Kafka Streams client's application id and topics: {@code StreamsReadyFacts}); each as a
 * key-value field, so a log shipper reads them without parsing the message.
 */
public class ReadyLine implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final Environment environment;
    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final ObjectProvider<ReadyFacts> facts;

    public ReadyLine(
            Environment environment,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            ObjectProvider<ReadyFacts> facts) {
        this.environment = environment;
        this.listeners = listeners;
        this.facts = facts;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        LoggingEventBuilder line = log.atInfo();
        fields().forEach(line::addKeyValue);
        line.addKeyValue("pid", ProcessHandle.current().pid())
                .addKeyValue("java", Runtime.version().feature())
                .log(
                        "{} ready in {} s",
                        environment.getProperty("spring.application.name", "service"),
                        event.getTimeTaken() == null
                                ? "?"
                                : String.format(
                                        Locale.ROOT,
                                        "%.1f",
                                        event.getTimeTaken().toMillis() / 1000.0));
    }

    /** The ready line's fields, in the order it names them; a field without a value is left out. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "port", environment.getProperty("local.server.port"));
        put(fields, "managementPort", environment.getProperty("local.management.port"));
        put(fields, "kafka", environment.getProperty("spring.kafka.bootstrap-servers"));
        put(fields, "database", withoutParameters(environment.getProperty("spring.datasource.url")));
        TreeSet<String> groups = new TreeSet<>();
        TreeSet<String> topics = new TreeSet<>();
        listeners.orderedStream().forEach(registry -> {
            for (MessageListenerContainer container : registry.getAllListenerContainers()) {
                if (container.getGroupId() != null) {
                    groups.add(container.getGroupId());
                }
                topics.addAll(topicsOf(container.getContainerProperties()));
            }
        });
        put(fields, "groups", joined(groups));
        put(fields, "topics", joined(topics));
        facts.orderedStream().forEach(bean -> bean.readyFacts().forEach((key, value) -> put(fields, key, value)));
        return fields;
    }

    /** The topics a listener reads: its topics, its pattern, or the topics of the partitions it is assigned. */
    private static Collection<String> topicsOf(ContainerProperties properties) {
        if (properties.getTopics() != null) {
            return Arrays.asList(properties.getTopics());
        }
        if (properties.getTopicPattern() != null) {
            return List.of(properties.getTopicPattern().pattern());
        }
        if (properties.getTopicPartitions() != null) {
            return Arrays.stream(properties.getTopicPartitions())
                    .map(TopicPartitionOffset::getTopic)
                    .toList();
        }
        return List.of();
    }

    /** A JDBC URL without its parameters, which may carry a password. */
    static String withoutParameters(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String joined(Collection<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static void put(Map<String, Object> fields, String key, Object value) {
        if (value != null && !Objects.toString(value).isBlank()) {
            fields.put(key, value);
        }
    }
}
