package org.stockalerts.common.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * One INFO line per rebalance of a listener container's consumer, with its group and the partitions it holds
 * afterwards, in place of the Kafka client's dozen. The assignments of the container's first {@link #SETTLING} are
 * not news and log at DEBUG: its consumers join one after another (the service's ready line names its groups). A
 * later one means an instance came or went. Lost partitions (the consumer was thrown out of its group) log a
 * warning. Wraps the container's own rebalance listener, if it has one.
 */
final class AssignmentLog implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(AssignmentLog.class);

    /** How long a container's consumers take to join their group, one after another, at its start. */
    static final Duration SETTLING = Duration.ofMinutes(1);

    private final String group;
    private final ConsumerRebalanceListener delegate;
    /** When the container's first consumer got its first partitions, in {@link System#nanoTime()}; 0 before. */
    private final AtomicLong firstAssigned = new AtomicLong();

    AssignmentLog(String group, ConsumerRebalanceListener delegate) {
        this.group = group;
        this.delegate = delegate;
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsRevokedBeforeCommit(consumer, partitions);
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsRevokedAfterCommit(consumer, partitions);
        } else if (delegate != null) {
            delegate.onPartitionsRevoked(partitions);
        }
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            log.atWarn()
                    .addKeyValue("group", group)
                    .addKeyValue("partitions", compact(partitions))
                    .log("consumer lost its partitions (it left or was removed from its group)");
        }
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsLost(consumer, partitions);
        } else if (delegate != null) {
            delegate.onPartitionsLost(partitions);
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        long now = System.nanoTime();
        firstAssigned.compareAndSet(0, now);
        boolean rebalance = now - firstAssigned.get() > SETTLING.toNanos();
        (rebalance ? log.atInfo() : log.atDebug())
                .addKeyValue("group", group)
                .addKeyValue("partitions", compact(consumer.assignment()))
                .log(rebalance ? "consumer group rebalanced" : "consumer assigned partitions");
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsAssigned(consumer, partitions);
        } else if (delegate != null) {
            delegate.onPartitionsAssigned(partitions);
        }
    }

    /** {@code topic[0,1,2] other[3]}: the partitions by topic, sorted. */
    static String compact(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .collect(Collectors.groupingBy(
                        TopicPartition::topic,
                        TreeMap::new,
                        Collectors.mapping(TopicPartition::partition, Collectors.toCollection(TreeSet::new))))
                .entrySet()
                .stream()
                .map(topic -> topic.getKey() + topic.getValue().toString().replace(" ", ""))
                .collect(Collectors.joining(" "));
    }
}
