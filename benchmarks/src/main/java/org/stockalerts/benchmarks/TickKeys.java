package org.stockalerts.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Cluster;

/**
 * How the engine benchmark's ticks are keyed and partitioned: {@code java} (keyed by symbol, Java's
 * default partitioner, murmur2: every tick on its symbol's partition), {@code crc32} (keyed by
 * symbol, librdkafka's default {@code consistent_random}: CRC32 of the key, as kcat and the C,
 * Python and Go librdkafka clients write them) or {@code keyless} (no key, a random partition per
 * tick, as a Go {@code LeastBytes} balancer spreads them).
 */
enum TickKeys {
    JAVA,
    CRC32,
    KEYLESS;

    static TickKeys of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The key a tick of {@code symbol} is sent with. */
    String key(String symbol) {
        return this == KEYLESS ? null : symbol;
    }

    /** Producer settings for this keying. */
    Map<String, Object> producerSettings() {
        return this == JAVA ? Map.of() : Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, Librdkafka.class);
    }

    /** librdkafka's {@code consistent_random}: CRC32 of the key, a random partition without one. */
    public static final class Librdkafka implements Partitioner {

        @Override
        public int partition(
                String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
            int partitions = cluster.partitionCountForTopic(topic);
            if (keyBytes == null) {
                return ThreadLocalRandom.current().nextInt(partitions);
            }
            CRC32 crc = new CRC32();
            crc.update(keyBytes);
            return (int) (crc.getValue() % partitions);
        }

        @Override
        public void configure(Map<String, ?> configs) {}

        @Override
        public void close() {}
    }
}
