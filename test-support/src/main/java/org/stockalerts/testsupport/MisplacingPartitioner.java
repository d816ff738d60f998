package org.stockalerts.testsupport;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * A producer partitioner that disagrees with Java's default one, as the partitioners of librdkafka,
 * Go or Python clients do for most keys: a keyed record goes to the partition after the one Java's
 * default partitioner would give its key (so never to that one), a keyless record to the next
 * partition in turn (so a key's records are spread over all partitions).
 */
public final class MisplacingPartitioner implements Partitioner {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionCountForTopic(topic);
        if (keyBytes == null) {
            return Math.floorMod(next.getAndIncrement(), partitions);
        }
        return (Utils.toPositive(Utils.murmur2(keyBytes)) % partitions + 1) % partitions;
    }

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void close() {}
}
