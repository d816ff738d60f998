package org.stockalerts.faults;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Who owns what in a Kafka Streams application's consumer group (the classic protocol, Kafka Streams'
 * default): each instance, named by its client id without the thread suffix ({@code
 * alert-engine-<processId>}), with the partitions of a topic its stream threads hold.
 */
final class GroupMembers implements AutoCloseable {

    private static final String THREAD = "-StreamThread-";

    /** The group's state and, per instance, the partitions of the topic it holds (none: an empty set). */
    record Snapshot(GroupState state, Map<String, Set<Integer>> partitions) {

        /** Stable, and the instances other than {@code excluded} hold every one of {@code count} partitions. */
        boolean heldWithout(Set<String> excluded, int count) {
            Set<Integer> held = new TreeSet<>();
            partitions.forEach((instance, owned) -> {
                if (!excluded.contains(instance)) {
                    held.addAll(owned);
                }
            });
            return state == GroupState.STABLE && held.size() == count;
        }
    }

    private final Admin admin;

    GroupMembers(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    Snapshot snapshot(String group, String topic) throws ExecutionException, InterruptedException {
        ConsumerGroupDescription description = admin.describeConsumerGroups(java.util.List.of(group))
                .all()
                .get()
                .get(group);
        Map<String, Set<Integer>> partitions = new TreeMap<>();
        for (MemberDescription member : description.members()) {
            Set<Integer> owned = partitions.computeIfAbsent(instance(member.clientId()), key -> new TreeSet<>());
            for (TopicPartition partition : member.assignment().topicPartitions()) {
                if (partition.topic().equals(topic)) {
                    owned.add(partition.partition());
                }
            }
        }
        return new Snapshot(description.groupState(), partitions);
    }

    /** {@code alert-engine-<processId>-StreamThread-2-consumer} → {@code alert-engine-<processId>}. */
    static String instance(String clientId) {
        int thread = clientId.indexOf(THREAD);
        return thread < 0 ? clientId : clientId.substring(0, thread);
    }

    @Override
    public void close() {
        admin.close();
    }
}
