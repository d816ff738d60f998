package org.stockalerts.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;

/**
 * A topic of the system: its name, partition count, the type of its values and its topic configs.
 *
 * @param valueType the record type written to the topic (for {@code user-events} the sealed
 *     {@code UserEvent} interface)
 */
public record TopicSpec<T>(String name, int partitions, Class<T> valueType, Map<String, String> configs) {

    /** Suffix of every dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /** Name of the topic failed records of this one are sent to. */
    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /**
     * Whether the topic is compacted: there a record without a value (a tombstone) deletes its key;
     * on any other topic it carries nothing and is dead-lettered ({@link Tombstones}).
     */
    public boolean compacted() {
        return configs.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "").contains(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    /**
     * The partition a Java producer's default partitioner gives a record keyed by {@code key} (a
     * String, serialized as UTF-8) on this topic: murmur2 of the key's bytes.
     */
    public int partitionOf(String key) {
        return partitionOf(key, partitions);
    }

    /** The partition the default partitioner gives {@code key} among {@code partitions}. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public String toString() {
        return name;
    }
}
