package org.stockalerts.common.kafka;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.stockalerts.common.ops.ReadyFacts;

/** The application ids and source topics of a service's Kafka Streams clients, for its ready line. */
final class StreamsReadyFacts implements ReadyFacts {

    private final ObjectProvider<StreamsBuilderFactoryBean> streams;

    StreamsReadyFacts(ObjectProvider<StreamsBuilderFactoryBean> streams) {
        this.streams = streams;
    }

    @Override
    public Map<String, Object> readyFacts() {
        TreeSet<String> applications = new TreeSet<>();
        TreeSet<String> topics = new TreeSet<>();
        streams.orderedStream().forEach(factory -> {
            if (factory.getStreamsConfiguration() != null) {
                applications.add(factory.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
            }
            Topology topology = factory.getTopology();
            if (topology != null) {
                topics.addAll(sourceTopics(topology.describe()));
            }
        });
        Map<String, Object> facts = new LinkedHashMap<>();
        if (!applications.isEmpty()) {
            facts.put("streams", String.join(",", applications));
        }
        if (!topics.isEmpty()) {
            facts.put("streamTopics", String.join(",", topics));
        }
        return facts;
    }

    /** The topics a topology reads, without the repartition topics Kafka Streams keeps for itself. */
    static Collection<String> sourceTopics(TopologyDescription description) {
        TreeSet<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                }
            }
        }
        for (TopologyDescription.GlobalStore store : description.globalStores()) {
            if (store.source().topicSet() != null) {
                topics.addAll(store.source().topicSet());
            }
        }
        topics.removeIf(topic -> topic.endsWith("-repartition"));
        return topics;
    }
}
